/** Live events, as `GET /events` streams them. Routing follows the real server: by organization, by user, or to everyone. */
export type EventType = 'NewMessage' | 'NewConversation' | 'ChatAssignment' | 'ChatUnAssignment' | 'CampaignProgress' | 'ReloadRequired';

export interface LiveEvent {
  type: EventType;
  /** Only connections of this organization receive it. */
  organizationId?: string;
  /** Only this user's connections receive it. */
  userId?: string;
  data: Record<string, unknown>;
}

export type EventListener = (event: LiveEvent) => void;

/**
 * A tiny synchronous publish/subscribe hub. Besides the live events it carries one internal signal, never sent
 * to clients: `accessChanged()`, raised by the domain when someone may have lost access (a member removed), so
 * that open streams check their token again at once.
 */
export class EventHub {
  private readonly listeners = new Set<EventListener>();
  private readonly accessWatchers = new Set<() => void>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: LiveEvent): void {
    for (const l of this.listeners) l(event);
  }

  /** Calls `watcher` whenever access may have changed; returns the function that stops it. */
  onAccessChange(watcher: () => void): () => void {
    this.accessWatchers.add(watcher);
    return () => this.accessWatchers.delete(watcher);
  }

  /** Tells open streams that a membership, a user or an organization changed: each checks its token again. */
  accessChanged(): void {
    for (const w of this.accessWatchers) w();
  }

  /** Open subscriptions (live streams and internal listeners). */
  get size(): number {
    return this.listeners.size;
  }
}
