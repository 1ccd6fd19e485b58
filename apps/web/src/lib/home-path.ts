/**
 * Where signed-in users land when there is nowhere better to go: the home page, which sends each
 * user on to their first module (a helpdesk agent to /helpdesk, a portal contact to /portal).
 * Its own module so the app shell's home link does not bring the sign-in URL helpers into every
 * page's First Load JS.
 */
export const HOME_PATH = "/";
