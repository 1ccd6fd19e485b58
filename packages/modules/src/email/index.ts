/**
 * E-mail (issue 5): the outbox every module sends through, its delivery and the Email Queue DocType.
 * See README.md beside this file.
 */
export { queueEmail, type QueueEmailInput, type QueuedEmail } from "./outbox";
export { deliverQueuedEmail, type DeliveryOutcome, type DeliverOptions } from "./deliver";
export { enqueueDueEmails } from "./sweep";
export { enqueueEmailSend, settleEmailKicks } from "./producer";
export { smtpSettingsFromEnv, closeTransports, type SmtpSettings } from "./transport";
export { emailQueueDocType } from "./doctype";
