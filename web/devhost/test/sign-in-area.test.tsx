import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { SignIn, SignInSnapshot } from "../src/host/oauth/sign-in";
import { SignInArea } from "../src/host/SignInArea";

function stub(snapshot: SignInSnapshot) {
  const signIn = {
    subscribe: () => () => {},
    getSnapshot: () => snapshot,
    start: vi.fn(async () => {}),
    signOut: vi.fn(async () => {}),
    switchUser: vi.fn(async () => {}),
    continueInPopup: vi.fn(),
    cancel: vi.fn(),
  };
  render(<SignInArea signIn={signIn as unknown as SignIn} />);
  return signIn;
}

describe("SignInArea", () => {
  afterEach(cleanup);

  it("shows who is signed in, the scopes and the expiry, with Switch user and Sign out", () => {
    const expiresAt = Date.now() + 42_400;
    const signIn = stub({ phase: "idle", required: true, user: { name: "alice@example.com", scopes: ["board", "offline_access"], expiresAt } });
    expect(screen.getByTestId("sign-in-user").textContent).toBe("Signed in as alice@example.com");
    expect(screen.getByTestId("sign-in-scopes").textContent).toBe("Scopes: board offline_access");
    expect(screen.getByTestId("sign-in-expiry").textContent).toMatch(/^· token expires in 4\d s \(/);
    expect(screen.getByTestId("sign-in-expiry").dataset.expiresAt).toBe(new Date(expiresAt).toISOString());
    fireEvent.click(screen.getByRole("button", { name: "Switch user" }));
    fireEvent.click(screen.getByRole("button", { name: "Sign out" }));
    expect(signIn.switchUser).toHaveBeenCalledOnce();
    expect(signIn.signOut).toHaveBeenCalledOnce();
  });

  it("says Not signed in, with nothing to press, when the server needs no sign-in", () => {
    stub({ phase: "idle", required: false });
    expect(screen.getByTestId("sign-in-user").textContent).toBe("Not signed in");
    expect(screen.queryAllByRole("button")).toHaveLength(0);
  });

  it("offers Continue sign-in when the popup was blocked", () => {
    const signIn = stub({ phase: "blocked", required: true });
    expect(screen.getByTestId("sign-in-status").textContent).toBe("The browser blocked the sign-in popup.");
    fireEvent.click(screen.getByRole("button", { name: "Continue sign-in" }));
    expect(signIn.continueInPopup).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(signIn.cancel).toHaveBeenCalledOnce();
  });

  it("shows the wait for the popup, then what failed with Sign in to try again", () => {
    stub({ phase: "popup", required: true });
    expect(screen.getByTestId("sign-in-status").textContent).toBe("Waiting for sign-in in the popup…");
    cleanup();
    const signIn = stub({ phase: "failed", required: true, error: "The authorization server refused the registration: 400 invalid_client_metadata" });
    expect(screen.getByRole("alert").textContent).toBe("The authorization server refused the registration: 400 invalid_client_metadata");
    fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
    expect(signIn.start).toHaveBeenCalledOnce();
  });
});
