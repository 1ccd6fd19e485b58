import { TicketNotFound } from "~/features/helpdesk/ticket-not-found";

export default function HelpdeskTicketNotFoundPage() {
  return <TicketNotFound />;
}
