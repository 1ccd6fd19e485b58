import { ClientNotFound } from "~/features/clients/client-not-found";

export default function ClientNotFoundPage() {
  return <ClientNotFound />;
}
