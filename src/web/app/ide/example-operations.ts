/**
 * The IDE's first tabs: operations over the demo dataset (data/README.md),
 * ready to run. GraphiQL uses them only while the browser has no tabs of its
 * own stored. The scenarios spell out `includeCurrentState` although it has a
 * default: GraphiQL's variable linter wrongly flags it as missing otherwise.
 */
export interface ExampleTab {
  query: string;
  variables?: string;
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

export const EXAMPLE_TABS: ExampleTab[] = [
  {
    query: `# The supply chain around Alice Dyeing and Finishing
# (Keqiao), suppliers and customers, two hops each way.
# tier: negative upstream, 0 the start, positive downstream.
query Chain($id: ID!, $maxDepth: Int!) {
  chain(
    id: $id
    direction: BOTH
    maxDepth: $maxDepth
    maxNodes: 100
  ) {
    truncated
    nodes {
      tier
      depth
      enterprise {
        id
        name
        kind
        region
        status
        capacityRecovery
      }
    }
    links {
      id
      fromId
      toId
      product
      mode
      status
      inventoryDays
    }
  }
}
`,
    variables: json({ id: 'kq-dye-alice', maxDepth: 2 }),
  },
  {
    query: `# Block Alice's only dyestuff supply for 7 days:
# who stalls, and on which day? She holds 5 days of
# dyestuff: try durationDays 3, or leave it out.
query Impact($scenario: ScenarioInput!) {
  impact(scenario: $scenario) {
    stalledCount
    partialCount
    lostOutputValue
    lostTradeValue
    lostOutputByUnit { unit amount }
    unvaluedProducerCount
    stalled(first: 20) {
      totalCount
      edges {
        node {
          enterprise { id name kind region unit }
          direct
          stallsOnDay
          lostOutputValue
          lostTradeValue
          missingInputs
          cause
        }
      }
    }
    partial(first: 20) {
      totalCount
      edges {
        node {
          enterprise { id name }
          outputFraction
          lostOutputValue
          lostTradeValue
        }
      }
    }
    byRegion { key stalledCount partialCount lostOutputValue lostTradeValue }
  }
}
`,
    variables: json({
      scenario: { blockLinks: ['kq-l-chem-dyestuff-binhai-to-dye-alice'], durationDays: 7, includeCurrentState: false },
    }),
  },
  {
    query: `# Fuquan: close the highway checkpoint and Kaili
# station together. Either one alone leaves the Foshan
# customer a route; both together stall it.
query FuquanRoutes($scenario: ScenarioInput!) {
  impact(scenario: $scenario) {
    stalledCount
    partialCount
    lostOutputValue
    lostTradeValue
    stalled(first: 20) {
      edges {
        node {
          enterprise { id name region }
          direct
          stallsOnDay
          missingInputs
        }
      }
    }
    byKind { key stalledCount partialCount lostOutputValue lostTradeValue }
  }
}
`,
    variables: json({
      scenario: { blockEnterprises: ['fq-checkpoint-highway', 'fq-kaili-station'], includeCurrentState: false },
    }),
  },
  {
    query: `# The highway out of Fuquan closed, rail open: only the
# road links leaving the region are blocked, the local
# truck links inside it keep running.
query FuquanHighway($scenario: ScenarioInput!) {
  impact(scenario: $scenario) {
    stalledCount
    partialCount
    lostOutputValue
    stalled(first: 20) {
      edges { node { enterprise { id name region } } }
    }
    partial(first: 20) {
      edges { node { enterprise { id name } outputFraction } }
    }
  }
}
`,
    variables: json({
      scenario: {
        blockLinksWhere: [{ modes: ['ROAD'], fromRegions: ['Guizhou/Fuquan'], crossRegion: true }],
        includeCurrentState: false,
      },
    }),
  },
  {
    query: `# Fuquan day by day: the highway checkpoint closed from
# day 0, and freight moved to rail through Kaili station
# from day 7 (closed until then). Customers without stock
# stall at once, the others when their phosphate runs out;
# rail brings Foshan back to half its supply on day 7.
query FuquanTimeline($input: SimulationInput!) {
  simulate(input: $input) {
    peakDay
    days {
      day
      stalledCount
      partialCount
      lostOutputValue
      directLostOutputValue
      indirectLostOutputValue
    }
    trajectories(first: 20) {
      totalCount
      edges {
        node {
          enterprise { id name }
          firstAffectedDay
          firstStallDay
          recoveredOnDay
          minFraction
        }
      }
    }
    watched { enterprise { name } series }
  }
}
`,
    variables: json({
      input: {
        horizonDays: 30,
        restockRate: 0.1,
        includeCurrentState: false,
        events: [
          { day: 0, block: { enterprises: ['fq-checkpoint-highway', 'fq-kaili-station'] } },
          { day: 7, unblock: { enterprises: ['fq-kaili-station'] } },
        ],
        watch: ['fq-cust-guangdong-foshan'],
      },
    }),
  },
  {
    query: `# How far recovery has come: by region, and by kind within Keqiao.
query Recovery {
  byRegion: recovery(groupBy: REGION) {
    key
    enterpriseCount
    resumedCount
    resumedShare
    capacityRecovery
    workforceReturned
  }
  keqiaoByKind: recovery(
    groupBy: KIND
    filter: { region: ["Shaoxing/Keqiao"] }
  ) {
    key
    enterpriseCount
    capacityRecovery
    byStatus { status count }
  }
}
`,
  },
  {
    query: `# The ten links whose loss costs the most output value (CNY a day).
query CriticalLinks {
  criticalLinks(top: 10, measure: LOST_OUTPUT) {
    stalledCount
    lostOutputValue
    link {
      id
      product
      mode
      status
      inventoryDays
      from { id name }
      to { id name }
    }
  }
}
`,
  },
];
