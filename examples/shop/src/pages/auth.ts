import { AuthEvent } from '../analytics/events';

export function signUp(userId: string, email: string, method: 'email' | 'google' | 'sso') {
  window.analytics.identify(userId, { email, plan: 'free', created_at: new Date().toISOString() });
  window.analytics.track(AuthEvent.SignedUp, { method });
}

declare function currentProvider(): string;

export function logIn() {
  window.analytics.track(AuthEvent.LoggedIn);
  window.analytics.track(`${currentProvider()} Logged In`);
}

export function joinCompany(companyId: string, name: string) {
  window.analytics.group(companyId, { name, employees: 12.5 });
}
