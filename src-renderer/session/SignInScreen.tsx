import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { signInRequestSchema } from '../../src-shared/auth/protocol';
import { getDesktop } from '../bridge/desktop';
import { signIn } from '../sync/authClient';
import { Field } from '../ui/Field';
import { deviceUser, useSessionStore } from './sessionStore';
import { createTokenStore } from './tokenStore';

const signInFormSchema = signInRequestSchema.extend({
  serverUrl: z
    .string()
    .trim()
    .pipe(z.url({ protocol: /^https?$/, error: 'Enter the server address, like https://sync.example.com' })),
});
type SignInForm = z.input<typeof signInFormSchema>;
type SignInValues = z.output<typeof signInFormSchema>;

/** The web build is served by the sync server itself; the desktop app talks to a local server by default. */
const defaultServerUrl = (): string =>
  window.location.protocol.startsWith('http') ? window.location.origin : 'http://127.0.0.1:4870';

export const SignInScreen = () => {
  const lastServerUrl = useSessionStore((state) => state.lastServerUrl);
  const lastEmail = useSessionStore((state) => state.lastEmail);
  const signedIn = useSessionStore((state) => state.signedIn);
  const [failure, setFailure] = useState('');
  const { register, handleSubmit, formState } = useForm<SignInForm, unknown, SignInValues>({
    resolver: zodResolver(signInFormSchema),
    defaultValues: { serverUrl: lastServerUrl || defaultServerUrl(), email: lastEmail, password: '' },
  });

  const onSubmit = async (values: SignInValues) => {
    setFailure('');
    const serverUrl = values.serverUrl.replace(/\/+$/, '');
    try {
      const response = await signIn(serverUrl, values.email, values.password);
      // Whether the tokens outlive this run is shown in the workspace (secret storage status in Settings).
      await createTokenStore(getDesktop(), serverUrl).save(response);
      signedIn({ mode: 'team', serverUrl, user: { ...response.user } });
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <main className="sign-in">
      <form
        className="card sign-in-card"
        noValidate
        onSubmit={(event) => void handleSubmit(onSubmit)(event)}
        aria-labelledby="sign-in-title"
      >
        <h1 id="sign-in-title">Sign in to Fairlead</h1>
        <p className="muted">
          Your team's leads are copied to this laptop so you can work without a network.
        </p>
        <Field id="sign-in-email" label="Email" error={formState.errors.email?.message}>
          <input
            id="sign-in-email"
            type="email"
            autoComplete="username"
            autoFocus={!lastEmail}
            {...register('email')}
          />
        </Field>
        <Field id="sign-in-password" label="Password" error={formState.errors.password?.message}>
          <input
            id="sign-in-password"
            type="password"
            autoComplete="current-password"
            autoFocus={Boolean(lastEmail)}
            {...register('password')}
          />
        </Field>
        <Field id="sign-in-server" label="Server" error={formState.errors.serverUrl?.message}>
          <input id="sign-in-server" type="url" {...register('serverUrl')} />
        </Field>
        {failure ? (
          <p className="field-error" role="alert">
            {failure}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? 'Signing in…' : 'Sign in'}
          </button>
          <button
            type="button"
            className="link-button"
            onClick={() => signedIn({ mode: 'device', user: deviceUser() })}
          >
            Use on this device only
          </button>
        </div>
      </form>
    </main>
  );
};
