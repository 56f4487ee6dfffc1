export { LoginForm } from './components/LoginForm';
export { PasswordForm } from './components/PasswordForm';
export { SignupForm } from './components/SignupForm';
export { useLogout, useSession, useSessionRestoring } from './hooks/use-session';
export type * from './types';
