import { postOAuthCallback } from "../shared/oauth-callback";

// The sign-in popup's last page: the authorization server redirects here with the code and state (or an error).
// Hands them to the dev host page that opened the popup, then closes. Opened without them, it is the placeholder the
// popup shows while the dev host prepares the authorization request.
const status = document.getElementById("status")!;
if (postOAuthCallback(window)) {
  status.textContent = "Returning to the dev host…";
  // Drop the code from this window's address and history.
  history.replaceState(null, "", location.pathname);
  setTimeout(() => {
    window.close();
    status.textContent = "You can close this window.";
  }, 50);
}
