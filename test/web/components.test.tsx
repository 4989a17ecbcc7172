// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError } from '../../web/src/api/client.js';
import { ErrorNotice, Field } from '../../web/src/components/ui.js';
import { UnsavedGuard } from '../../web/src/lib/unsaved.js';
import FitPage from '../../web/src/pages/Fit.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

describe('Field', () => {
  it('labels its control and ties the error to it', () => {
    render(
      <Field label="Base salary" hint="per year" error="must not be negative">
        <input />
      </Field>,
    );
    const input = screen.getByLabelText('Base salary');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const described = input.getAttribute('aria-describedby')!.split(' ');
    expect(described.map((id) => document.getElementById(id)?.textContent)).toEqual([
      'per year',
      'must not be negative',
    ]);
  });
});

describe('the API client', () => {
  it('turns the API error body into an error with its fields', async () => {
    const body = {
      error: {
        code: 'invalid-input',
        message: 'the request body is not valid',
        fields: [{ path: 'body.title', message: 'must not be empty' }],
      },
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(body), { status: 400 })),
    );
    const error = await api('POST', '/evidence', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).fieldMessages()).toEqual({ title: 'must not be empty' });
    render(<ErrorNotice error={error} title="Not saved" />);
    expect(screen.getByRole('alert').textContent).toContain('body.title: must not be empty');
  });

  it('says so when the server cannot be reached', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(api('GET', '/health')).rejects.toMatchObject({ code: 'network' });
  });
});

describe('the questionnaire', () => {
  it('gives the lean only once every question is answered, and keeps the answers', () => {
    const router = createMemoryRouter([{ path: '/', element: <FitPage /> }]);
    render(<RouterProvider router={router} />);
    expect(screen.getByText('Answer every question first')).toBeTruthy();
    const agree = screen.getAllByLabelText('strongly agree');
    const ic = screen.getAllByLabelText('strongly disagree');
    // Agree strongly with the first five (IC) statements, disagree with the rest.
    agree.slice(0, 5).forEach((radio) => fireEvent.click(radio));
    ic.slice(5).forEach((radio) => fireEvent.click(radio));
    expect(screen.getByText('You lean towards the individual-contributor track.')).toBeTruthy();
    expect(JSON.parse(window.localStorage.getItem('trellis.fit.answers')!)['hard-problems']).toBe(5);
  });
});

describe('UnsavedGuard', () => {
  it('asks before a link leaves a changed form, and stays when asked to', async () => {
    const router = createMemoryRouter([
      {
        path: '/',
        element: (
          <>
            <UnsavedGuard when />
            <button onClick={() => void router.navigate('/other')}>go</button>
          </>
        ),
      },
      { path: '/other', element: <p>other page</p> },
    ]);
    render(<RouterProvider router={router} />);
    fireEvent.click(screen.getByText('go'));
    expect(await screen.findByRole('alertdialog')).toBeTruthy();
    fireEvent.click(screen.getByText('Stay and keep editing'));
    expect(router.state.location.pathname).toBe('/');
    // Escape stays, as "Stay" does.
    fireEvent.click(screen.getByText('go'));
    fireEvent.keyDown(await screen.findByRole('alertdialog'), { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(router.state.location.pathname).toBe('/');
    fireEvent.click(screen.getByText('go'));
    fireEvent.click(await screen.findByText('Leave and discard'));
    expect(await screen.findByText('other page')).toBeTruthy();
  });
});
