/**
 * Twilio's REST error body: `{code, message, more_info, status}` (https://www.twilio.com/docs/errors),
 * with the codes the simulator answers. Messages follow Twilio's wording.
 */
export interface TwilioErrorBody {
  code: number;
  message: string;
  more_info: string;
  status: number;
}

export function twilioError(status: number, code: number, message: string): TwilioErrorBody {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}

export const errors = {
  authenticate: () => twilioError(401, 20003, "Authenticate"),
  notFound: (path: string) => twilioError(404, 20404, `The requested resource ${path} was not found`),
  tooManyRequests: () => twilioError(429, 20429, "Too Many Requests"),
  internal: (status: number) => twilioError(status, 20500, "An internal server error has occurred"),
  methodNotAllowed: (method: string) => twilioError(405, 20004, `Method ${method} not allowed`),
  invalidTo: (to: string) => twilioError(400, 21211, `The 'To' number ${to} is not a valid phone number.`),
  invalidFrom: (from: string) => twilioError(400, 21212, `The 'From' number ${from} is not a valid phone number, shortcode, or alphanumeric sender ID.`),
  fromNotOwned: (from: string) => twilioError(400, 21606, `The From phone number ${from} is not a valid, SMS-capable inbound phone number or short code for your account.`),
  toRequired: () => twilioError(400, 21604, "A 'To' phone number is required."),
  fromRequired: () => twilioError(400, 21603, "A 'From' phone number is required."),
  bodyRequired: () => twilioError(400, 21602, "Message body is required."),
  bodyTooLong: () => twilioError(400, 21617, "The concatenated message body exceeds the 1600 character limit."),
  blocked: () => twilioError(400, 21610, "Attempt to send to unsubscribed recipient"),
  notMobile: (to: string) => twilioError(400, 21614, `'To' number ${to} is not a valid mobile number`),
  invalidCallback: () => twilioError(400, 21609, "Invalid StatusCallback url"),
  callToRequired: () => twilioError(400, 21201, "No 'To' number is specified"),
  callFromRequired: () => twilioError(400, 21213, "'From' phone number is required"),
  callUrlRequired: () => twilioError(400, 21205, "Url parameter is required (or Twiml)."),
  invalidUrl: () => twilioError(400, 21205, "Invalid URL"),
};
