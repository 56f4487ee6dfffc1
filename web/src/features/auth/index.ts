export { ForgotPasswordForm } from './components/ForgotPasswordForm';
export { LoginForm } from './components/LoginForm';
export { PasswordForm } from './components/PasswordForm';
export { ResetPasswordForm } from './components/ResetPasswordForm';
export { SignupForm } from './components/SignupForm';
export { useLogout, useSession, useSessionRestoring } from './hooks/use-session';
export type * from './types';
