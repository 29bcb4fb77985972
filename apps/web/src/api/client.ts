import type { FieldError, Problem, TokenResponse, User } from './types';

export const API_BASE = '/api/v1';

/** An API answer that was not 2xx, with its problem details (or a made-up one for network errors). */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
  get status() {
    return this.problem.status;
  }
  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }
}

/** The session lapsed and the user chose to stop (log out) instead of logging in again. */
export class SessionEndedError extends ApiError {
  constructor() {
    super({ type: 'urn:gezinsplan:web:session-ended', title: 'Sessie beëindigd', status: 401 });
  }
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Set for the auth endpoints: no bearer token, no refresh-and-retry. */
  anonymous?: boolean;
  signal?: AbortSignal;
  /** Read the answer as a file (a PDF) instead of JSON. */
  as?: 'json' | 'blob';
}

export interface ApiResponse<T> {
  data: T;
  status: number;
  headers: Headers;
}

type SessionListener = (session: { user: User } | null) => void;

/**
 * The one way the web app talks to the API. The access token lives only in this object's memory
 * (never in storage); the refresh token is an httpOnly cookie the browser sends to /api/v1/auth only.
 *
 * On a 401 it refreshes silently once and retries. When that fails too, it asks `onSessionExpired`
 * (the re-login dialog) and waits: the request that failed is retried after the user logged in again,
 * so nothing on the page — typed text, open forms — is lost.
 */
export class ApiClient {
  private accessToken: string | null = null;
  private refreshing: Promise<boolean> | null = null;
  private expired: Promise<void> | null = null;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private listeners = new Set<SessionListener>();
  /** Set by the session provider: shows the re-login dialog; resolves once logged in again. */
  onSessionExpired: () => Promise<void> = () => Promise.reject(new SessionEndedError());

  subscribe(listener: SessionListener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get hasSession() {
    return this.accessToken !== null;
  }

  async login(email: string, password: string): Promise<User> {
    const { data } = await this.send<TokenResponse>('POST', '/auth/login', {
      body: { email, password },
      anonymous: true,
    });
    this.accept(data);
    return data.user;
  }

  /** Replaces a one-time password (set by the functioneel beheerder) by the user's own, and logs in. */
  async firstPassword(email: string, oneTimePassword: string, newPassword: string): Promise<User> {
    const { data } = await this.send<TokenResponse>('POST', '/auth/first-password', {
      body: { email, oneTimePassword, newPassword },
      anonymous: true,
    });
    this.accept(data);
    return data.user;
  }

  /** Silent refresh with the httpOnly cookie; false when there is no (valid) session. */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.send<TokenResponse>('POST', '/auth/refresh', { anonymous: true })
      .then(({ data }) => {
        this.accept(data);
        return true;
      })
      .catch(() => {
        this.accessToken = null;
        return false;
      })
      .finally(() => {
        this.refreshing = null;
      });
    return this.refreshing;
  }

  async logout() {
    clearTimeout(this.refreshTimer);
    try {
      await this.send('POST', '/auth/logout', { anonymous: true });
    } catch {
      // The session ends locally regardless.
    }
    this.accessToken = null;
    this.emit(null);
  }

  get<T>(path: string, options?: RequestOptions) {
    return this.request<T>('GET', path, options).then((r) => r.data);
  }
  post<T>(path: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('POST', path, { ...options, body }).then((r) => r.data);
  }
  patch<T>(path: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('PATCH', path, { ...options, body }).then((r) => r.data);
  }
  put<T>(path: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('PUT', path, { ...options, body }).then((r) => r.data);
  }
  delete<T>(path: string, options?: RequestOptions) {
    return this.request<T>('DELETE', path, options).then((r) => r.data);
  }

  /** A request with the bearer token; on 401: silent refresh, then the re-login dialog, then one retry. */
  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    try {
      return await this.send<T>(method, path, options);
    } catch (error) {
      if (options.anonymous || !(error instanceof ApiError) || error.status !== 401) throw error;
    }
    if (!(await this.refresh())) await this.waitForRelogin();
    return this.send<T>(method, path, options);
  }

  /**
   * Sends a file as the raw request body and reports the upload's progress (0..1), which fetch cannot.
   * A lapsed session is handled as in `request`: refresh, else the re-login dialog, then one retry.
   */
  async upload<T>(path: string, file: Blob, onProgress: (fraction: number) => void): Promise<T> {
    try {
      return await this.sendWithProgress<T>(path, file, onProgress);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
    }
    if (!(await this.refresh())) await this.waitForRelogin();
    return this.sendWithProgress<T>(path, file, onProgress);
  }

  private sendWithProgress<T>(path: string, file: Blob, onProgress: (fraction: number) => void) {
    return new Promise<T>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `${API_BASE}${path}`);
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
      if (this.accessToken) xhr.setRequestHeader('Authorization', `Bearer ${this.accessToken}`);
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) onProgress(event.loaded / event.total);
      };
      xhr.onload = () => {
        const body = xhr.responseText ? safeJson(xhr.responseText) : undefined;
        if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
        else reject(new ApiError(asProblem(body, xhr.status)));
      };
      xhr.onerror = () =>
        reject(
          new ApiError({
            type: 'urn:gezinsplan:web:network',
            title: 'Geen verbinding',
            status: 0,
            detail: 'De server is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.',
          }),
        );
      xhr.send(file);
    });
  }

  private waitForRelogin() {
    this.expired ??= this.onSessionExpired().finally(() => {
      this.expired = null;
    });
    return this.expired;
  }

  private accept(tokens: TokenResponse) {
    this.accessToken = tokens.accessToken;
    clearTimeout(this.refreshTimer);
    // Refresh a minute before the access token lapses, so a user who is busy never sees a 401.
    const inMs = Math.max(tokens.expiresIn - 60, 30) * 1000;
    this.refreshTimer = setTimeout(() => void this.refresh(), inMs);
    this.emit({ user: tokens.user });
  }

  private emit(session: { user: User } | null) {
    for (const listener of this.listeners) listener(session);
  }

  private async send<T>(method: string, path: string, options: RequestOptions): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = {
      Accept: options.as === 'blob' ? '*/*' : 'application/json',
      ...options.headers,
    };
    if (options.body !== undefined) headers['Content-Type'] ??= 'application/json';
    if (!options.anonymous && this.accessToken) headers.Authorization = `Bearer ${this.accessToken}`;
    let response: Response;
    try {
      response = await fetch(`${API_BASE}${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        credentials: 'same-origin',
        signal: options.signal,
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new ApiError({
        type: 'urn:gezinsplan:web:network',
        title: 'Geen verbinding',
        status: 0,
        detail: 'De server is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.',
      });
    }
    if (!response.ok) {
      const text = await response.text();
      throw new ApiError(asProblem(text ? safeJson(text) : undefined, response.status));
    }
    if (options.as === 'blob') {
      return { data: (await response.blob()) as T, status: response.status, headers: response.headers };
    }
    const text = await response.text();
    const parsed: unknown = text ? safeJson(text) : undefined;
    return { data: parsed as T, status: response.status, headers: response.headers };
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function asProblem(body: unknown, status: number): Problem {
  if (body && typeof body === 'object' && 'title' in body) return body as Problem;
  return { type: 'about:blank', title: `Fout ${status}`, status };
}

export const api = new ApiClient();
