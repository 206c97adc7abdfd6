import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider, theme } from 'antd';
import en_US from 'antd/es/locale/en_US';
import vi_VN from 'antd/es/locale/vi_VN';
import { lazy, StrictMode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ApiError } from './api/client.ts';
import { LoadFailureBoundary } from './components/LoadFailureBoundary.tsx';
import { PageSpinner } from './components/PageSpinner.tsx';
import { appRoutes } from './routes.tsx';
import { IdleWarning } from './session/IdleWarning.tsx';
import { RequireRoles, RequireSession } from './session/RequireSession.tsx';
import { SessionProvider } from './session/SessionProvider.tsx';

// The layout and every page load on demand; the entry holds only the providers and the session logic.
const AppLayout = lazy(() => import('./layout/AppLayout.tsx'));
const NotFoundPage = lazy(() =>
  import('./pages/StatusPages.tsx').then((module) => ({ default: module.NotFoundPage })),
);
const SignInPage = lazy(() => import('./pages/auth/SignInPage.tsx'));
const ChangePasswordPage = lazy(() => import('./pages/auth/ChangePasswordPage.tsx'));
const ForgotPasswordPage = lazy(() => import('./pages/auth/ForgotPasswordPage.tsx'));
const ResetPasswordPage = lazy(() => import('./pages/auth/ResetPasswordPage.tsx'));
const SecondFactorPage = lazy(() => import('./pages/auth/SecondFactorPage.tsx'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx answer (forbidden, not found, invalid) will not change on a retry.
      retry: (failureCount, error) =>
        failureCount < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
  },
});

// Noto Sans draws every Vietnamese letter in one face where the system fonts do not.
const FONT_FAMILY =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif, 'Apple Color Emoji', 'Segoe UI Emoji'";

function AppRoutes() {
  return (
    <LoadFailureBoundary>
      <Suspense fallback={<PageSpinner />}>
        <Routes>
          <Route path="/sign-in" element={<SignInPage />} />
          {/* The server's addresses: single sign-on failures (?loi=CODE) and the e-mailed reset link. */}
          <Route path="/dang-nhap" element={<SignInPage />} />
          <Route path="/dat-lai-mat-khau" element={<ResetPasswordPage />} />
          <Route path="/forgot-password" element={<ForgotPasswordPage />} />
          <Route
            path="/second-factor"
            element={
              <RequireSession allowSecondFactor>
                <SecondFactorPage />
              </RequireSession>
            }
          />
          <Route
            path="/change-password"
            element={
              <RequireSession allowPasswordChange>
                <ChangePasswordPage />
              </RequireSession>
            }
          />
          <Route
            element={
              <RequireSession>
                <AppLayout />
              </RequireSession>
            }
          >
            {appRoutes.map((route) => (
              <Route
                key={route.path}
                path={route.path}
                element={
                  <RequireRoles roles={route.roles}>
                    <route.page />
                  </RequireRoles>
                }
              />
            ))}
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </Suspense>
    </LoadFailureBoundary>
  );
}

export function App() {
  const { i18n } = useTranslation();
  return (
    <StrictMode>
      <ConfigProvider
        locale={i18n.language === 'en' ? en_US : vi_VN}
        theme={{ algorithm: theme.defaultAlgorithm, token: { fontFamily: FONT_FAMILY } }}
      >
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <SessionProvider>
              <IdleWarning />
              <AppRoutes />
            </SessionProvider>
          </BrowserRouter>
        </QueryClientProvider>
      </ConfigProvider>
    </StrictMode>
  );
}
