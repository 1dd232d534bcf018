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
  sessionStorage.setItem(KEY, JSON.stringify({ token: login.token, staff: login.staff, passwordChangeRequired: !!login.passwordChangeRequired }));
}

/** After the first sign-in's password change: the server lets every page through again. */
export function passwordChanged() {
  const s = session();
  if (s) sessionStorage.setItem(KEY, JSON.stringify({ ...s, passwordChangeRequired: false, staff: { ...s.staff, passwordChangeRequired: false } }));
}

export function clearSession() {
  sessionStorage.removeItem(KEY);
}
