/** Injection token of the web client's settings (WebClientSettings). */
export const WEB_CLIENT_SETTINGS = Symbol('WebClientSettings');
