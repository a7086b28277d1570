import { useEffect, useState, useSyncExternalStore } from "react";
import type { SignIn, SignInSnapshot } from "./oauth/sign-in";
import { timeLeft } from "./oauth/who";

const signedOut: SignInSnapshot = { phase: "idle", required: false };
const nothing = () => () => {};

const phaseText: Partial<Record<SignInSnapshot["phase"], string>> = {
  starting: "Starting sign-in…",
  popup: "Waiting for sign-in in the popup…",
  blocked: "The browser blocked the sign-in popup.",
  closed: "The sign-in window closed before sign-in finished.",
  finishing: "Finishing sign-in…",
};

/**
 * The Sign-in area: who is signed in to the app's server (from the access token, for display only), the granted
 * scopes and when the access token expires, with Sign out and Switch user; or where a sign-in in progress is, with
 * Continue sign-in when the browser blocked the popup.
 */
export function SignInArea({ signIn }: { signIn: SignIn | undefined }) {
  const state = useSyncExternalStore(signIn?.subscribe ?? nothing, signIn?.getSnapshot ?? (() => signedOut));
  const now = useNow(state.user?.expiresAt !== undefined);
  const { user, phase, error, required } = state;
  const stuck = phase === "blocked" || phase === "closed";
  return (
    <section className="sign-in" aria-label="Sign-in" data-testid="sign-in" data-phase={phase} data-signed-in={Boolean(user)}>
      <div className="sign-in-row">
        {user ? (
          <span data-testid="sign-in-user">
            Signed in as <strong>{user.name}</strong>
          </span>
        ) : (
          (phase === "idle" || phase === "failed") && (
            <span className="muted" data-testid="sign-in-user">
              Not signed in
            </span>
          )
        )}
        {phaseText[phase] && (
          <span role="status" data-testid="sign-in-status">
            {phaseText[phase]}
          </span>
        )}
        {stuck && (
          <button type="button" className="primary" onClick={() => signIn?.continueInPopup()}>
            Continue sign-in
          </button>
        )}
        {phase !== "idle" && phase !== "failed" && (
          <button type="button" onClick={() => signIn?.cancel()}>
            Cancel
          </button>
        )}
        {!user && required && (phase === "idle" || phase === "failed") && (
          <button type="button" className="primary" onClick={() => void signIn?.start()}>
            Sign in
          </button>
        )}
        {user && (
          <>
            <button type="button" onClick={() => void signIn?.switchUser()}>
              Switch user
            </button>
            <button type="button" onClick={() => void signIn?.signOut()}>
              Sign out
            </button>
          </>
        )}
      </div>
      {user && (
        <div className="sign-in-row muted">
          <span data-testid="sign-in-scopes">Scopes: {user.scopes.join(" ") || "(none)"}</span>
          {user.expiresAt !== undefined && (
            <span data-testid="sign-in-expiry" data-expires-at={new Date(user.expiresAt).toISOString()}>
              · token {user.expiresAt > now ? "expires" : "expired"} {timeLeft(user.expiresAt, now)} ({new Date(user.expiresAt).toLocaleTimeString()})
            </span>
          )}
        </div>
      )}
      {phase === "failed" && error && (
        <div className="sign-in-row error" role="alert" data-testid="sign-in-error">
          {error}
        </div>
      )}
    </section>
  );
}

/** The time, ticking every second while something on screen counts down. */
function useNow(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [ticking]);
  return now;
}
