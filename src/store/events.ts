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

/** A tiny synchronous publish/subscribe hub. */
export class EventHub {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: LiveEvent): void {
    for (const l of this.listeners) l(event);
  }

  get size(): number {
    return this.listeners.size;
  }
}
