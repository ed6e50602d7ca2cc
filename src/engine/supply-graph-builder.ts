import { GraphColumnsBuilder } from './graph-columns';
import type { EngineEnterprise, EngineLink } from './graph-input';
import { SupplyGraph } from './supply-graph';

/**
 * Builds a SupplyGraph from rows streamed in one at a time (enterprises
 * first, then links), so a large snapshot never has to exist as one object
 * per row. Same rules and errors as SupplyGraph.build.
 */
export class SupplyGraphBuilder {
  private readonly columns = new GraphColumnsBuilder();

  addEnterprise(enterprise: EngineEnterprise): this {
    this.columns.addEnterprise(enterprise);
    return this;
  }

  /** Links name enterprises added before them. */
  addLink(link: EngineLink): this {
    this.columns.addLink(link);
    return this;
  }

  build(): SupplyGraph {
    const { nodes, links } = this.columns.build();
    return SupplyGraph.fromColumns(nodes, links);
  }
}
