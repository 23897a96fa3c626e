/** Time source. Production uses the wall clock; tests move it forward (lockouts, idle timeouts, notice periods). */
export interface Clock {
  now(): Date;
}

export class SystemClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  /** Test mode only: shift the clock by ms (cumulative). */
  advance(ms: number): void {
    this.offsetMs += ms;
  }
  reset(): void {
    this.offsetMs = 0;
  }
}

export const nowIso = (clock: Clock): string => clock.now().toISOString();
