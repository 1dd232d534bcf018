// The signed-in staff member, kept for this browser tab only (sessionStorage).
const KEY = 'rs-console-session';

export function session() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY)) || null;
  } catch {
    return null;
  }
}

export function saveSession(login) {
  sessionStorage.setItem(KEY, JSON.stringify({ token: login.token, staff: login.staff }));
}

export function clearSession() {
  sessionStorage.removeItem(KEY);
}
