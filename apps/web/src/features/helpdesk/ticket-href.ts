export const ticketHref = (name: string) => `/helpdesk/${encodeURIComponent(name)}`;
