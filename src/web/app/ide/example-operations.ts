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
    query: `# Enterprises by name or id, a page at a time.
query SearchEnterprises($filter: EnterpriseFilter, $first: Int!) {
  enterprises(filter: $filter, first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node { id name kind region status lat lon }
    }
  }
}
`,
    variables: json({ filter: { search: 'dyeing' }, first: 10 }),
  },
  {
    query: `# How dyestuff reaches Buting: the shortest supply paths
# from the Binhai dyestuff trader, goods flowing product by product.
query Paths($fromId: ID!, $toId: ID!) {
  paths(fromId: $fromId, toId: $toId, first: 5) {
    nodes {
      length
      enterprises { id name }
      links { id product mode }
    }
  }
}
`,
    variables: json({ fromId: 'kq-chem-dyestuff-binhai', toId: 'kq-trade-buting' }),
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
    query: `# Fuquan with the highway checkpoint closed: which routes
# still carry Chuandong's phosphate to the Foshan buyer?
# Rail through Kaili station does.
query AlternativeRoutes($scenario: ScenarioInput!) {
  alternativeRoutes(
    fromId: "fq-chem-chuandong"
    toId: "fq-cust-guangdong-foshan"
    product: "phosphate"
    scenario: $scenario
  ) {
    modes
    enterprises { id name region }
    links { id mode status }
  }
}
`,
    variables: json({
      scenario: { blockEnterprises: ['fq-checkpoint-highway'], includeCurrentState: false },
    }),
  },
  {
    query: `# Alice's only dyestuff link blocked: who else still
# running could supply her dyestuff, nearest first?
query AlternativeSuppliers($scenario: ScenarioInput!) {
  alternativeSuppliers(
    id: "kq-dye-alice"
    product: "dyestuff"
    scenario: $scenario
    first: 5
  ) {
    enterprise { id name region }
    sameRegion
    alreadySupplies
    wouldUnstall
    hops
    dailyCapacity
  }
}
`,
    variables: json({
      scenario: { blockLinks: ['kq-l-chem-dyestuff-binhai-to-dye-alice'], includeCurrentState: false },
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
  {
    query: `# What to reopen or restart first in today's state, by the
# output value each step brings back (CNY a day).
query ResumptionPlan {
  resumptionPlan(top: 10) {
    step
    kind
    link { id product from { name } to { name } }
    enterprise { id name }
    recoveredOutputValue
    cumulativeRecoveredOutputValue
    restartedCount
  }
}
`,
  },
  {
    query: `# Recovery week by week, per region, replayed from the
# dated status history.
query RecoveryTimeline($from: DateTime!, $to: DateTime!) {
  recoveryTimeline(from: $from, to: $to, interval: WEEK, groupBy: REGION) {
    key
    points { at resumedShare capacityRecovery }
  }
}
`,
    variables: json({ from: '2020-02-01T00:00:00Z', to: '2020-03-31T00:00:00Z' }),
  },
  {
    query: `# Saved scenarios, and two what-ifs compared: the road out
# of Fuquan closed (a) against road closed everywhere (b).
# Compare saved ones with { id: "scn-..." } instead.
query CompareScenarios($a: ScenarioRef!, $b: ScenarioRef!) {
  scenarios(first: 20) { nodes { id name owner createdAt report { stalledCount } } }
  compareScenarios(a: $a, b: $b) {
    stalledCountDifference
    lostOutputValueDifference
    a { stalledCount lostOutputValue }
    b { stalledCount lostOutputValue }
    stalledOnlyInA(first: 10) { totalCount edges { node { enterprise { name } } } }
    stalledOnlyInB(first: 10) {
      totalCount
      edges { node { enterprise { name } inB { stallsOnDay } } }
    }
    stalledInBoth(first: 10) {
      totalCount
      edges { node { enterprise { name } stallDayDifference } }
    }
  }
}
`,
    variables: json({
      a: { scenario: { blockEnterprises: ['fq-checkpoint-highway'], includeCurrentState: false } },
      b: { scenario: { blockModes: ['ROAD'], includeCurrentState: false } },
    }),
  },
  {
    query: `# Save a what-if under a name (a mutation): its report is
# computed on the current graph whenever it is read.
mutation SaveScenario($name: String!, $scenario: ScenarioInput!) {
  saveScenario(name: $name, scenario: $scenario) {
    id
    name
    createdAt
    report { stalledCount lostOutputValue }
  }
}
`,
    variables: json({
      name: 'Alice without dyestuff for a week',
      scenario: { blockLinks: ['kq-l-chem-dyestuff-binhai-to-dye-alice'], durationDays: 7, includeCurrentState: false },
    }),
  },
];
