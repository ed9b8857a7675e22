// The page Entra ID sends the popup back to (redirectUri): it hands the answer to the page that opened it.
import { broadcastResponseToMainFrame } from "@azure/msal-browser/redirect-bridge";

broadcastResponseToMainFrame().catch((error) => {
  document.body.textContent = `Sign-in failed: ${error}`;
});
