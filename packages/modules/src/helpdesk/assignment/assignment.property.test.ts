import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignItem } from "./assign";
import { assignBatch } from "./batch";
import { assignmentRuleSchema, type AssignmentRule } from "./rule-schema";
import { AVAILABILITIES, type AssignableAgent, type Availability, type ItemRequirements } from "./types";

const TEAM = "support";
const SKILLS = ["type:billing", "type:bug", "lang:es", "lang:en", "tag:vip", "tag:refund"];

const ids = (min: number, max: number) => fc.uniqueArray(fc.string({ minLength: 1, maxLength: 5 }), { minLength: min, maxLength: max });
const cursor = fc.option(fc.string({ maxLength: 5 }), { nil: null });
const activeAgents = (agentIds: readonly string[], loads: readonly number[] = []): AssignableAgent[] =>
  agentIds.map((id, i) => ({ id, teams: [TEAM], availability: "Active", skills: [], openCount: loads[i] ?? 0 }));

/** Agents of varied teams, availability, skills, loads and capacities. */
const anyAgents = ids(0, 12).chain((agentIds) =>
  fc.tuple(
    ...agentIds.map((id) =>
      fc.record({
        id: fc.constant(id),
        teams: fc.subarray([TEAM, "sales"]),
        availability: fc.constantFrom(...AVAILABILITIES),
        skills: fc.subarray(SKILLS),
        openCount: fc.integer({ min: 0, max: 12 }),
        maxOpen: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
      }),
    ),
  ),
);
const anyRule: fc.Arbitrary<AssignmentRule> = fc
  .record({
    strategy: fc.constantFrom("round_robin", "load_balancing", "skill_based"),
    maxOpenPerAgent: fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }),
    tieBreak: fc.constantFrom("load_balancing", "round_robin"),
    fallback: fc.constantFrom("load_balancing", "round_robin", "unassigned"),
  })
  .map((input) => assignmentRuleSchema.parse({ team: TEAM, ...input }));
const anyRequirements: fc.Arbitrary<ItemRequirements> = fc.record({ required: fc.subarray(SKILLS, { maxLength: 2 }), preferred: fc.subarray(SKILLS) });

/** Reference model of who may be chosen, written independently of pool.ts. */
function referenceEligible(agents: readonly AssignableAgent[], rule: AssignmentRule): AssignableAgent[] {
  const members = agents.filter((a) => a.teams.includes(rule.team));
  const tier = members.some((a) => a.availability === "Active") ? "Active" : "Away";
  return members.filter((a) => a.availability === tier && a.openCount < (a.maxOpen ?? rule.maxOpenPerAgent ?? Infinity));
}

const spread = (counts: Iterable<number>) => {
  const values = [...counts];
  return Math.max(...values) - Math.min(...values);
};

describe("round robin fairness", () => {
  it("1,000 items over N Active agents (N = 1…50) are spread within ±1, from any cursor and any loads", () => {
    fc.assert(
      fc.property(ids(1, 50), cursor, fc.array(fc.nat(30), { maxLength: 50 }), (agentIds, start, loads) => {
        const rule = assignmentRuleSchema.parse({ strategy: "round_robin", team: TEAM });
        const { agents, results } = assignBatch(1000, { rule, agents: activeAgents(agentIds, loads), state: { cursor: start } });
        expect(results.every((r) => r.status === "assigned")).toBe(true);
        const received = agents.map((a, i) => a.openCount - (loads[i] ?? 0));
        expect(received.reduce((sum, n) => sum + n, 0)).toBe(1000);
        expect(spread(received)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 60 },
    );
  });

  it("every N from 1 to 50 spreads 1,000 items within ±1", () => {
    const rule = assignmentRuleSchema.parse({ strategy: "round_robin", team: TEAM });
    for (let n = 1; n <= 50; n++) {
      const agentIds = Array.from({ length: n }, (_, i) => `agent-${String(i).padStart(2, "0")}`);
      const { agents } = assignBatch(1000, { rule, agents: activeAgents(agentIds), state: { cursor: null } });
      const counts = agents.map((a) => a.openCount);
      expect(spread(counts), `N = ${n}`).toBeLessThanOrEqual(1);
      expect(Math.min(...counts)).toBe(Math.floor(1000 / n));
    }
  });

  it("with agents toggling Active/Away/Offline mid-stream, any two agents alternate while both are Active", () => {
    const toggle = fc.record({ step: fc.nat(999), agent: fc.nat(49), to: fc.constantFrom<Availability>("Active", "Active", "Away", "Offline") });
    fc.assert(
      fc.property(ids(2, 20), cursor, fc.array(toggle, { maxLength: 60 }), (agentIds, start, toggles) => {
        const rule = assignmentRuleSchema.parse({ strategy: "round_robin", team: TEAM });
        const n = agentIds.length;
        const availability: Availability[] = agentIds.map(() => "Active");
        const byStep = new Map<number, (typeof toggles)[number][]>();
        for (const t of toggles) byStep.set(t.step, [...(byStep.get(t.step) ?? []), t]);
        // lastOfPair[i * n + j], i < j: which of the two was picked last since both became Active (-1: neither yet)
        const lastOfPair = new Int32Array(n * n).fill(-1);
        const pair = (i: number, j: number) => (i < j ? i * n + j : j * n + i);
        let state = { cursor: start };
        for (let step = 0; step < 1000; step++) {
          for (const t of byStep.get(step) ?? []) {
            const i = t.agent % n;
            if (t.to !== "Active") for (let j = 0; j < n; j++) if (j !== i) lastOfPair[pair(i, j)] = -1;
            availability[i] = t.to;
          }
          const agents = agentIds.map((id, i) => ({ id, teams: [TEAM], availability: availability[i]!, skills: [], openCount: 0 }));
          const result = assignItem({ rule, agents, state });
          state = result.state;
          if (result.status !== "assigned") continue;
          const picked = agentIds.indexOf(result.agentId);
          if (availability[picked] !== "Active") continue;
          for (let other = 0; other < n; other++) {
            if (other === picked || availability[other] !== "Active") continue;
            // the same agent twice in a row while the other stayed Active would break ±1
            if (lastOfPair[pair(picked, other)] === picked) throw new Error(`step ${step}: ${result.agentId} picked twice while ${agentIds[other]} was Active`);
            lastOfPair[pair(picked, other)] = picked;
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("choice properties", () => {
  it("load balancing never picks an agent with more open items than another eligible one, over a batch", () => {
    fc.assert(
      fc.property(anyAgents, cursor, fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }), fc.integer({ min: 1, max: 30 }), (agents, start, cap, count) => {
        const rule = assignmentRuleSchema.parse({ strategy: "load_balancing", team: TEAM, maxOpenPerAgent: cap });
        let current: readonly AssignableAgent[] = agents;
        let state = { cursor: start };
        for (let i = 0; i < count; i++) {
          const eligible = referenceEligible(current, rule);
          const result = assignItem({ rule, agents: current, state });
          if (eligible.length === 0) {
            expect(result.status).toBe("unassigned");
            break;
          }
          if (result.status !== "assigned") throw new Error(`expected an assignment, got ${result.reason}`);
          const picked = eligible.find((a) => a.id === result.agentId)!;
          expect(picked).toBeDefined();
          expect(picked.openCount).toBe(Math.min(...eligible.map((a) => a.openCount)));
          ({ agents: current, state } = assignBatch(1, { rule, agents: current, state }));
        }
      }),
    );
  });

  it("every strategy chooses an eligible agent (never Offline, Away only when no member is Active, under capacity) or explains why not", () => {
    fc.assert(
      fc.property(anyAgents, anyRule, cursor, anyRequirements, (agents, rule, start, requirements) => {
        const result = assignItem({ rule, agents, state: { cursor: start }, requirements });
        const eligible = referenceEligible(agents, rule);
        if (result.status === "unassigned") {
          expect(result.state).toEqual({ cursor: start });
          if (result.reason !== "no_skill_match") expect(eligible).toEqual([]);
          return;
        }
        const picked = agents.find((a) => a.id === result.agentId)!;
        expect(picked.availability).not.toBe("Offline");
        expect(eligible.map((a) => a.id)).toContain(picked.id);
        expect(result.state).toEqual({ cursor: picked.id });
      }),
      { numRuns: 500 },
    );
  });

  it("skill-based picks have every required skill and no qualified eligible agent matches more preferred skills", () => {
    fc.assert(
      fc.property(anyAgents, anyRule, cursor, anyRequirements, (agents, anyStrategy, start, requirements) => {
        const rule = assignmentRuleSchema.parse({ ...anyStrategy, strategy: "skill_based", fallback: anyStrategy.strategy === "skill_based" ? anyStrategy.fallback : "unassigned" });
        const result = assignItem({ rule, agents, state: { cursor: start }, requirements });
        const has = (a: AssignableAgent, skill: string) => [...a.skills].includes(skill);
        const qualified = referenceEligible(agents, rule).filter((a) => requirements.required.every((s) => has(a, s)));
        const preferredOf = (a: AssignableAgent) => requirements.preferred.filter((s) => has(a, s)).length;
        if (result.status === "assigned" && !result.usedFallback) {
          const picked = qualified.find((a) => a.id === result.agentId)!;
          expect(picked).toBeDefined();
          expect(preferredOf(picked)).toBe(Math.max(...qualified.map(preferredOf)));
        } else {
          expect(qualified).toEqual([]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("is deterministic: the same input, in any agent order, gives the same result", () => {
    fc.assert(
      fc.property(anyAgents, anyRule, cursor, anyRequirements, fc.infiniteStream(fc.nat()), (agents, rule, start, requirements, randoms) => {
        const first = assignItem({ rule, agents, state: { cursor: start }, requirements });
        expect(assignItem({ rule, agents, state: { cursor: start }, requirements })).toEqual(first);
        const shuffled = agents.map((a) => ({ a, k: randoms.next().value as number })).sort((x, y) => x.k - y.k).map((x) => x.a);
        expect(assignItem({ rule, agents: shuffled, state: { cursor: start }, requirements })).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });
});
