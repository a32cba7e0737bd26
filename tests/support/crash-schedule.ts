// When to SIGKILL a crash-test child. Kill moments are measured from what the child reports
// (opening, import progress, tags saved), never from wall time since spawn: on a loaded
// machine start-up and import take many times longer, and wall-clock kills then all land
// before the tagging phase is ever reached.

/** What the child was doing when it died, judged by the last line it printed. */
export type CrashPhase = 'start' | 'open' | 'import' | 'tag';

/** One planned kill: the phase it aims at and where in that phase (fractions in [0, 1)). */
export type KillPlan =
  | { phase: 'open'; at: number }
  | { phase: 'import'; at: number; slack: number }
  | { phase: 'tag'; after: number; slack: number };

/** Timings one lane learns from its children, so later kills can aim inside a phase. */
export interface LaneTimings {
  /** How long the last openLibrary took (OPENING → READY). */
  openMs?: number;
  /** How long the last whole import took (READY → IMPORT-DONE). */
  importMs?: number;
}

/** Most tags a child saves before a tag-phase kill. */
const MAX_TAGS_BEFORE_KILL = 24;

/** `kills` plans, a third aimed at each phase, in a seeded random order (import first). */
export function killDeck(kills: number, random: () => number): KillPlan[] {
  const deck: KillPlan[] = [];
  for (let i = 0; i < kills; i++) {
    const kind = i % 3;
    if (kind === 0) deck.push({ phase: 'open', at: random() * 0.9 });
    else if (kind === 1) deck.push({ phase: 'import', at: random(), slack: random() });
    else
      deck.push({
        phase: 'tag',
        after: 1 + Math.floor(random() * MAX_TAGS_BEFORE_KILL),
        slack: random(),
      });
  }
  // Fisher–Yates, so which runs aim where is random too...
  for (let i = deck.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [deck[i], deck[j]] = [deck[j]!, deck[i]!];
  }
  // ...except the first run, which dies during the one import that writes every article.
  const first = deck.findIndex((p) => p.phase === 'import');
  if (first > 0) [deck[0], deck[first]] = [deck[first]!, deck[0]!];
  return deck;
}

/**
 * Follows one child's lines and says when to kill it: `onLine` returns the delay in ms
 * before the kill once the planned moment has come, and null until then (and after).
 */
export class KillSchedule {
  phase: CrashPhase = 'start';
  private armed = false;
  private openingAt = 0;
  private readyAt = 0;
  private lastAt = 0;
  private tags = 0;

  constructor(
    private readonly plan: KillPlan,
    private readonly timings: LaneTimings,
    /** Files the child was given: the import's total grows as it walks them. */
    private readonly files = 0,
  ) {}

  /** Feeds one line the child printed at time `now` (ms). */
  onLine(kind: string, args: string[], now: number): number | null {
    const gap = now - this.lastAt;
    const plan = this.plan;
    let delay: number | null = null;
    if (kind === 'OPENING') {
      this.phase = 'open';
      this.openingAt = now;
      // Without a measured open time yet, kill right as open starts.
      if (plan.phase === 'open') delay = plan.at * (this.timings.openMs ?? 0);
    } else if (kind === 'READY') {
      this.phase = 'import';
      this.readyAt = now;
      this.timings.openMs = now - this.openingAt;
      // Once imports are mostly duplicates they report progress only once or twice: then
      // aim by the last import's measured length instead.
      if (plan.phase === 'import' && this.timings.importMs !== undefined)
        delay = plan.at * this.timings.importMs;
    } else if (kind === 'PROGRESS' && this.phase === 'import') {
      const done = Number(args[0]);
      const total = Math.max(Number(args[1]), this.files);
      if (plan.phase === 'import' && done >= Math.ceil(plan.at * total)) delay = plan.slack * gap;
    } else if (kind === 'IMPORT-DONE') {
      this.phase = 'tag';
      this.timings.importMs = now - this.readyAt;
      // An import too quick to report the planned progress still dies at its end.
      if (plan.phase === 'import') delay = 0;
    } else if (kind === 'TAG') {
      this.tags++;
      if (plan.phase === 'tag' && this.tags >= plan.after) delay = plan.slack * gap;
    }
    if (kind !== 'IMPORTED') this.lastAt = now;
    if (delay === null || this.armed) return null;
    this.armed = true;
    return delay;
  }
}
