import { Button, Result } from 'antd';
import { Component, type ReactNode } from 'react';
import { i18next } from '../i18n/index.ts';

interface LoadFailureBoundaryState {
  failed: boolean;
}

/**
 * Catches a page that fails to load or render, most often a code chunk that is gone because the
 * server was updated since the page was opened, and offers a reload instead of a blank screen.
 */
export class LoadFailureBoundary extends Component<{ children: ReactNode }, LoadFailureBoundaryState> {
  override state: LoadFailureBoundaryState = { failed: false };

  static getDerivedStateFromError(): LoadFailureBoundaryState {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error('A page failed to load or render.', error);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Result
        status="warning"
        title={i18next.t('common:errors.pageLoad')}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            {i18next.t('common:actions.reload')}
          </Button>
        }
      />
    );
  }
}
