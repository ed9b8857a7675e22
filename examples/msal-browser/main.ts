// Azure OpenAI from a browser page, signed in with Microsoft Entra ID through MSAL.js: no key in the page.
// The client asks MSAL for a token before every attempt; MSAL answers from its cache and refreshes when needed.
//
// Settings come from index.html's <body data-…> attributes. Build: see README.md beside this file.
import { type AccountInfo, InteractionRequiredAuthError, PublicClientApplication, type SilentRequest } from "@azure/msal-browser";
import { AZURE_SCOPE, createClient } from "openai-switch";

const settings = document.body.dataset;
const msal = new PublicClientApplication({
  auth: {
    clientId: settings.clientId!,
    authority: `https://login.microsoftonline.com/${settings.tenantId}`,
    // A page that hands the popup's answer back to this one (redirect.ts).
    redirectUri: new URL("redirect.html", location.href).href,
  },
  cache: { cacheLocation: "sessionStorage" },
});
await msal.initialize();

/** The signed-in account, signing in with a popup when there is none (call from a click: browsers block other popups). */
async function account(): Promise<AccountInfo> {
  const known = msal.getActiveAccount() ?? msal.getAllAccounts()[0];
  if (known) return known;
  const { account } = await msal.loginPopup({ scopes: [AZURE_SCOPE] });
  if (!account) throw new Error("sign-in returned no account");
  msal.setActiveAccount(account);
  return account;
}

/** Silent first (cache, then refresh token); interactive only when Entra ID asks for it, as MSAL's docs recommend. */
async function tokenProvider(): Promise<string> {
  const request: SilentRequest = { scopes: [AZURE_SCOPE], account: await account() };
  return msal.acquireTokenSilent(request).then(
    (result) => result.accessToken,
    async (error) => {
      if (!(error instanceof InteractionRequiredAuthError)) throw error;
      return (await msal.acquireTokenPopup(request)).accessToken;
    },
  );
}

const client = createClient({ provider: "azure", endpoint: settings.endpoint!, apiVersion: settings.apiVersion ?? "2024-10-21", tokenProvider });

const form = document.querySelector("form")!;
const question = form.querySelector("textarea")!;
const answer = document.querySelector("output")!;

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  answer.value = "";
  form.dataset.state = "busy";
  try {
    await account(); // sign in now, inside the click, if needed
    const chunks = client.chatStream({ model: settings.deployment!, messages: [{ role: "user", content: question.value }] });
    for await (const chunk of chunks) answer.value += chunk.choices[0]?.delta?.content ?? "";
    form.dataset.state = "done";
  } catch (error) {
    answer.value = `${error}`;
    form.dataset.state = "failed";
  }
});
