import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../helpers/test-clock.js';
import { clientOver } from '../helpers/remote-client.js';
import { appErrorOf, OWNER, startTestHost, type TestHost } from '../helpers/test-host.js';
import { signInColleague } from '../helpers/test-users.js';

let t: TestHost;
const clock = new TestClock();
const MINUTE = 60_000;

beforeAll(async () => {
  t = await startTestHost({ clock });
});
afterAll(() => t.close());

const from = (address: string) => clientOver(t.host.handleApi, 'http://crm.test', address);

describe('sign-in throttling', () => {
  it('locks an account after five wrong passwords, even for the right one, until the window passes', async () => {
    await signInColleague(t, 'anna', 'sales');
    const guesser = from('10.0.0.7');
    for (let i = 0; i < 5; i++) {
      expect((await appErrorOf(guesser.auth.login.mutate({ username: 'anna', password: `guess ${i}` }))).code).toBe('bad_credentials');
    }
    // Anna herself, from her own PC, is refused too: the account is what is being guessed.
    const locked = await appErrorOf(from('10.0.0.8').auth.login.mutate({ username: 'anna', password: 'colleague pass 1' }));
    expect(locked).toMatchObject({ code: 'too_many_attempts', data: { minutes: 15 } });

    clock.advance(10 * MINUTE);
    expect(await appErrorOf(from('10.0.0.8').auth.login.mutate({ username: 'anna', password: 'colleague pass 1' }))).toMatchObject({
      data: { minutes: 5 },
    });
    clock.advance(5 * MINUTE + 1000);
    await expect(from('10.0.0.8').auth.login.mutate({ username: 'anna', password: 'colleague pass 1' })).resolves.toBeTruthy();
  });

  it('locks an address that guesses across many accounts, but not the other addresses', async () => {
    for (let i = 0; i < 20; i++) {
      await appErrorOf(from('10.0.0.66').auth.login.mutate({ username: `user${i}`, password: 'guess' }));
    }
    expect((await appErrorOf(from('10.0.0.66').auth.login.mutate(OWNER))).code).toBe('too_many_attempts');
    await expect(from('10.0.0.9').auth.login.mutate(OWNER)).resolves.toBeTruthy();
  }, 120_000); // twenty deliberate password hashes (scrypt), slow on a busy machine
});

describe('log out everywhere', () => {
  it('ends the sessions of every device of that user and no one else', async () => {
    const laptop = from('10.0.0.20');
    const desktop = from('10.0.0.21');
    await laptop.auth.login.mutate(OWNER);
    await desktop.auth.login.mutate(OWNER);
    const colleague = await signInColleague(t, 'bo', 'sales');

    await laptop.auth.logoutEverywhere.mutate();
    expect((await desktop.auth.status.query()).user).toBeNull();
    expect((await appErrorOf(laptop.customers.list.query({}))).code).toBe('unauthenticated');
    expect((await colleague.api.auth.status.query()).user?.username).toBe('bo');
  });
});
