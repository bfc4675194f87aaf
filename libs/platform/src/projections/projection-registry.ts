import { Injectable } from '@nestjs/common';
import type { Projection } from '@app/event-store';

/** Contexts register their read-model projections here at module init. */
@Injectable()
export class ProjectionRegistry {
  private readonly projections = new Map<string, Projection>();

  register(projection: Projection): void {
    if (this.projections.has(projection.name))
      throw new Error(`projection ${projection.name} is registered twice`);
    this.projections.set(projection.name, projection);
  }

  all(): Projection[] {
    return [...this.projections.values()];
  }

  get(name: string): Projection | undefined {
    return this.projections.get(name);
  }
}
