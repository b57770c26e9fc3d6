"""The issue's "ten-line script": plain msal + requests against a running `immutableid-sync sandbox`.
Usage: python ten_line_client.py PROFILE.json  -> prints the number of users it paged through."""
import json, sys, msal, requests  # noqa: E401, I001
p = json.load(open(sys.argv[1]))
app = msal.ConfidentialClientApplication(p["client_id"], client_credential=p["client_secret"],
      authority=f"{p['login_url']}/{p['tenant_id']}", verify=p["ca_bundle"], instance_discovery=False)
token = app.acquire_token_for_client(scopes=["https://graph.microsoft.com/.default"])["access_token"]
url, users = f"{p['graph_url']}/v1.0/users?$select=id,userPrincipalName,onPremisesImmutableId&$top=999", []
while url:
    page = requests.get(url, headers={"Authorization": f"Bearer {token}"}, verify=p["ca_bundle"]).json()
    users, url = users + page["value"], page.get("@odata.nextLink")
print(len(users))
