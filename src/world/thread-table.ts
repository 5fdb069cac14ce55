/**
 * What every conversation's thread is generated from, stored column by column
 * (one array per field instead of one object per conversation) so that a world of
 * 100,000 conversations stays small and cheap for the garbage collector.
 *
 * Only immutable values are stored (numbers and strings), copied when the world is
 * created: whatever a server later does with the records, a thread renders the same.
 */
import type { City } from './countries.js';
import type { ConversationStatus, CountryCode } from './model.js';
import type { Scenario } from './scenarios/index.js';
import { ThreadFactsTable, type ThreadFacts } from './thread-facts.js';
import type { PlannedMessage } from './thread-plan.js';
import type { BusinessContext, ThreadContext } from './threads.js';

/** Per-organisation part of the thread inputs. */
export interface OrganizationThreads {
  /** `[worldSeed, orgIndex]`: a thread's seed path is this plus its generation index. */
  readonly seedPrefix: readonly number[];
  readonly business: BusinessContext;
  readonly scenarios: readonly Scenario[];
}

/** One row, as `add` takes it. */
export interface ThreadRow {
  readonly conversationId: string;
  readonly organization: number;
  readonly generation: number;
  readonly scenario: number;
  readonly startMs: number;
  readonly horizonMs: number;
  readonly status: ConversationStatus;
  readonly contactPhone: string;
  readonly contactFirstName: string;
  readonly country: CountryCode;
  readonly city: City;
  readonly agentFirstName: string;
  readonly campaignName: string;
  /** The thread's skeleton with its statuses assigned: its facts are kept (thread-facts.ts). */
  readonly messages: readonly PlannedMessage[];
}

export class ThreadTable {
  private readonly organizations: OrganizationThreads[] = [];
  private readonly rowOf = new Map<string, number>();
  private count = 0;
  private readonly conversationIds: string[];
  private readonly organization: Uint8Array;
  private readonly generation: Int32Array;
  private readonly scenario: Uint8Array;
  private readonly startMs: Float64Array;
  private readonly horizonMs: Float64Array;
  private readonly closed: Uint8Array;
  private readonly contactPhone: string[];
  private readonly contactFirstName: string[];
  private readonly country: CountryCode[];
  private readonly city: City[];
  private readonly agentFirstName: string[];
  private readonly campaignName: string[];
  private readonly factStart: Int32Array;
  private readonly factLength: Int32Array;
  private readonly facts: ThreadFactsTable;

  constructor(
    private readonly nowMs: number,
    readonly capacity: number,
  ) {
    this.conversationIds = new Array<string>(capacity);
    this.organization = new Uint8Array(capacity);
    this.generation = new Int32Array(capacity);
    this.scenario = new Uint8Array(capacity);
    this.startMs = new Float64Array(capacity);
    this.horizonMs = new Float64Array(capacity);
    this.closed = new Uint8Array(capacity);
    this.contactPhone = new Array<string>(capacity);
    this.contactFirstName = new Array<string>(capacity);
    this.country = new Array<CountryCode>(capacity);
    this.city = new Array<City>(capacity);
    this.agentFirstName = new Array<string>(capacity);
    this.campaignName = new Array<string>(capacity);
    this.factStart = new Int32Array(capacity);
    this.factLength = new Int32Array(capacity);
    // Generated threads average 5–6 messages: room for 6 each avoids growing the columns in most worlds.
    this.facts = new ThreadFactsTable(capacity * 6);
  }

  addOrganization(info: OrganizationThreads): number {
    this.organizations.push(info);
    return this.organizations.length - 1;
  }

  add(row: ThreadRow): void {
    const i = this.count;
    if (i >= this.capacity) throw new Error('ThreadTable is full');
    if (row.status !== 'Active' && row.status !== 'Closed') throw new Error(`Unsupported generated status ${row.status}`);
    this.count++;
    this.rowOf.set(row.conversationId, i);
    this.conversationIds[i] = row.conversationId;
    this.organization[i] = row.organization;
    this.generation[i] = row.generation;
    this.scenario[i] = row.scenario;
    this.startMs[i] = row.startMs;
    this.horizonMs[i] = row.horizonMs;
    this.closed[i] = row.status === 'Closed' ? 1 : 0;
    this.contactPhone[i] = row.contactPhone;
    this.contactFirstName[i] = row.contactFirstName;
    this.country[i] = row.country;
    this.city[i] = row.city;
    this.agentFirstName[i] = row.agentFirstName;
    this.campaignName[i] = row.campaignName;
    this.factStart[i] = this.facts.append(row.messages);
    this.factLength[i] = row.messages.length;
  }

  /** Called once every row is in: drops the spare room of the facts columns. */
  seal(): void {
    this.facts.trim();
  }

  /** Time, status, direction and type of each message of a conversation's thread, or `undefined` for an unknown id. */
  factsOf(conversationId: string): ThreadFacts | undefined {
    const i = this.rowOf.get(conversationId);
    return i === undefined ? undefined : this.facts.slice(this.factStart[i] ?? 0, this.factLength[i] ?? 0);
  }

  get size(): number {
    return this.count;
  }

  /** The inputs of a conversation's thread, or `undefined` for an unknown id. */
  contextOf(conversationId: string): ThreadContext | undefined {
    const i = this.rowOf.get(conversationId);
    if (i === undefined) return undefined;
    const orgIndex = this.organization[i] ?? 0;
    const org = this.organizations[orgIndex];
    const city = this.city[i];
    const scenario = org?.scenarios[this.scenario[i] ?? 0];
    if (org === undefined || city === undefined || scenario === undefined) return undefined;
    return {
      conversationId,
      seedPath: [...org.seedPrefix, this.generation[i] ?? 0],
      scenario,
      startMs: this.startMs[i] ?? 0,
      horizonMs: this.horizonMs[i] ?? 0,
      nowMs: this.nowMs,
      status: this.closed[i] === 1 ? 'Closed' : 'Active',
      business: org.business,
      contactPhone: this.contactPhone[i] ?? '',
      contactFirstName: this.contactFirstName[i] ?? '',
      country: this.country[i] ?? 'US',
      city: city.name,
      cityLatitude: city.latitude,
      cityLongitude: city.longitude,
      agentFirstName: this.agentFirstName[i] ?? '',
      campaignName: this.campaignName[i] ?? '',
    };
  }
}
