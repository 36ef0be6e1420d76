/** Signs in over HTTP, as a browser does; returns the session cookie ("name=value"). */
export async function signInOverHttp(url: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
  if (response.status !== 200 || !cookie) throw new Error(`signing in as ${username} answered ${response.status}`);
  return cookie;
}
