#!/usr/bin/python3
"""Issue 17's reduced model in SimPy: the peer caseload is timed against (bench/peers/README.md).

Reads a *resolved* scenario (`caseload check scenarios/bench/reduced.yaml --resolved`), so both
programs run on the very same numbers, defaults included, and copies the engine's mechanisms as
far as that scenario uses them: Poisson claims per office and group, fortnightly reviews that
resolve the client's own search against the office's open vacancies (or an exit to inactivity),
jobs that end after an exponential tenure and mostly lead to a new claim, employers whose
vacancies open and close, and each adviser's weekly greedy plan of interviews valued by the
forecast. A scenario that switches on anything else is refused: the peer would silently differ.

Random numbers are Python's own, so agreement with caseload is statistical, never bit for bit.
Writes the claims begun in the measured period (weeks followed, ended or not) as JSON.
"""

import argparse
import heapq
import json
import math
import random
import sys
from pathlib import Path

import simpy

import resolved_yaml

DAYS_PER_WEEK = 7.0
NEVER = -math.inf
INTERVIEW = "interview"


class UnsupportedScenario(Exception):
    """The scenario uses a mechanism the peer does not copy."""


def logistic(x):
    return 1.0 / (1.0 + math.exp(-x))


class Params:
    """The resolved scenario's numbers the reduced model reads, checked for what it leaves out."""

    def __init__(self, resolved):
        self.resolved = resolved
        run, network = resolved["run"], resolved["network"]
        self.seed = int(run["seed"])
        self.warmup_days = run["warmup_weeks"] * DAYS_PER_WEEK
        self.end = self.warmup_days + run["weeks"] * DAYS_PER_WEEK
        self.offices = int(network["offices"])
        self.advisers_per_office = int(network["advisers_per_office"])
        self.groups = list(resolved["groups"].items())
        self.search = resolved["search"]
        self.employers = resolved["employers"]
        self.jobs = resolved["jobs"]
        self.advisers = resolved["advisers"]
        self.interview = resolved["actions"]["interview"]
        self.check_reduced()

    def check_reduced(self):
        r = self.resolved
        problems = []

        def need(ok, what):
            if not ok:
                problems.append(what)

        variation = r["network"]["variation"]
        need(r["network"]["office_table"] == "", "network.office_table must be empty")
        need(all(variation[k] == 0 for k in ("size_sd", "vacancy_rate_sd", "quality_sd", "mix_sd")),
             "network.variation must be all 0")
        need("regime" not in r or not r["regime"].get("indicators"), "the regime must be neutral")
        need(r["providers"]["per_office"] == 0, "providers.per_office must be 0")
        need("trial" not in r, "no trial section")
        need(r["counterfactual"]["enabled"] is False, "counterfactual.enabled must be false")
        need(r["search"]["steady_state_history_weeks"] == 0, "search.steady_state_history_weeks must be 0")
        need(r["advisers"]["missed_review_rate"] == 0, "advisers.missed_review_rate must be 0")
        need(r["advisers"]["assignment"] == "balance", "advisers.assignment must be balance")
        need(r["jobs"]["reservation_quality"] == 0, "jobs.reservation_quality must be 0")
        need(r["employers"]["demanding_share"] == 0, "employers.demanding_share must be 0")
        need("recycle_long_tenure" not in r["jobs"], "jobs.recycle_long_tenure must be unset")
        policy = r["policy"]
        need(policy["discretionary_help"] is True and not policy["help_groups"],
             "policy must help every group")
        enabled = set(r["actions"]) - set(policy["disabled_actions"])
        need(enabled == {INTERVIEW}, f"only interviews may be enabled (enabled: {sorted(enabled)})")
        for name, group in self.groups:
            need(group["other_benefit_per_week"] == 0, f"groups.{name}.other_benefit_per_week must be 0")
            need(group["health_limited_share"] == 0, f"groups.{name}.health_limited_share must be 0")
            need(group["prior_benefit_weeks_mean"] == 0, f"groups.{name}.prior_benefit_weeks_mean must be 0")
            need(group["review_interval_days"] in (0, r["advisers"]["review_interval_days"]),
                 f"groups.{name}.review_interval_days must be the advisers'")
        if problems:
            raise UnsupportedScenario("; ".join(problems))


class Person:
    __slots__ = ("group", "office", "e0", "motivation", "z_employability", "z_motivation",
                 "benefit_days_before", "claim_start", "adviser", "slot", "minutes_known",
                 "boost", "boost_time", "matched_until", "next_review", "claiming")

    def __init__(self, group, office, rng, profile):
        self.group = group
        self.office = office
        self.e0 = rng.gauss(profile["employability_mean"], profile["employability_sd"])
        self.motivation = rng.betavariate(profile["motivation_alpha"], profile["motivation_beta"])
        self.z_employability = rng.gauss(0.0, 1.0)
        self.z_motivation = rng.gauss(0.0, 1.0)
        self.benefit_days_before = 0
        self.claim_start = 0.0
        self.adviser = None
        self.slot = -1
        self.minutes_known = 0.0
        self.boost = 0.0
        self.boost_time = 0.0
        self.matched_until = NEVER
        self.next_review = math.inf
        self.claiming = False


class Adviser:
    __slots__ = ("w_client", "effectiveness", "caseload")

    def __init__(self, rng, model):
        self.w_client = rng.betavariate(model["w_client_alpha"], model["w_client_beta"])
        sd = model["effectiveness_sd"]
        self.effectiveness = rng.lognormvariate(-0.5 * sd * sd, sd) if sd > 0 else 1.0
        self.caseload = []


class Office:
    """One office's market: its advisers and its pool of open vacancies (employer qualities)."""

    def __init__(self, params, rng):
        self.advisers = [Adviser(rng, params.advisers) for _ in range(params.advisers_per_office)]
        e = params.employers
        self.employer_quality = [rng.betavariate(e["quality_alpha"], e["quality_beta"])
                                 for _ in range(int(e["employers_per_office"]))]
        self.pool = []          # open vacancies, each a one-item list [slot] for O(1) removal
        self.half_vacancies = params.search["tightness_half_vacancies"]

    def tightness(self):
        open_count = len(self.pool)
        return 0.0 if open_count <= 0 else open_count / (open_count + self.half_vacancies)


class ReducedModel:
    def __init__(self, params):
        self.p = params
        self.rng = random.Random(params.seed)
        self.env = simpy.Environment()
        self.offices = [Office(params, self.rng) for _ in range(params.offices)]
        self.review_days = params.advisers["review_interval_days"]
        self.spells = []        # [start, end or None, group] of every claim begun
        s = params.search
        self.boost_rate = math.log(2.0) / s["boost_half_life_weeks"]
        self.budget_minutes = params.advisers["hours_per_week"] * 60.0 * (1.0 - params.advisers["other_duties_share"])

    # --- the outcome model (outcome_model.cpp) -------------------------------------------
    def employability_now(self, person, now):
        days = person.benefit_days_before + (now - person.claim_start if person.claiming else 0.0)
        s = self.p.search
        weeks = min(days / DAYS_PER_WEEK, s["scarring_cap_weeks"])
        return person.e0 - s["scarring_per_year"] * max(0.0, weeks) / 52.0

    def decayed_boost(self, boost, since, now):
        if boost == 0.0:
            return 0.0
        weeks = max(0.0, now - since) / DAYS_PER_WEEK
        return boost * 2.0 ** (-weeks / self.p.search["boost_half_life_weeks"])

    def search_probability(self, profile, employability, motivation, boost, tightness):
        s = self.p.search
        index = (s["intercept"] + profile["search_intercept_shift"] + employability +
                 s["motivation_weight"] * motivation + s["boost_weight"] * boost)
        return profile["search_base"] * logistic(index) * tightness

    def separation_hazard(self, profile, quality, employability, motivation, well_matched):
        j = self.p.jobs
        index = (-j["quality_effect"] * (quality - 0.5) - j["employability_effect"] * employability -
                 j["motivation_effect"] * (motivation - 0.5) - (j["matched_effect"] if well_matched else 0.0))
        return profile["separation_multiplier"] * j["separation_per_week"] * math.exp(index)

    def reclaim_probability(self, tenure_weeks):
        # recycle_long_tenure unset: the long-tenure chance is recycle_probability itself.
        return self.p.jobs["recycle_probability"]

    # --- claims and caseloads (claims.cpp) -----------------------------------------------
    def start_claim(self, person):
        now = self.env.now
        person.claiming = True
        person.claim_start = now
        person.minutes_known = 0.0
        advisers = self.offices[person.office].advisers
        chosen = advisers[0]
        for adviser in advisers:  # least loaded, ties to the lowest id
            if len(adviser.caseload) < len(chosen.caseload):
                chosen = adviser
        person.adviser = chosen
        person.slot = len(chosen.caseload)
        chosen.caseload.append(person)
        self.spells.append([now, None, person.group])
        return len(self.spells) - 1

    def end_claim(self, person, spell):
        now = self.env.now
        caseload = person.adviser.caseload
        moved = caseload[-1]
        caseload[person.slot] = moved
        moved.slot = person.slot
        caseload.pop()
        person.slot = -1
        person.claiming = False
        person.benefit_days_before = min(65535, max(0, round(person.benefit_days_before + now - person.claim_start)))
        self.spells[spell][1] = now

    def arrivals(self, office, group):
        name, profile = self.p.groups[group]
        rate = profile["inflow_per_week"] / DAYS_PER_WEEK
        if rate <= 0:
            return
        while True:
            yield self.env.timeout(self.rng.expovariate(rate))
            person = Person(group, office, self.rng, profile)
            self.env.process(self.life(person, profile))

    def life(self, person, profile):
        """A person from their first claim on: claims of fortnightly reviews, jobs, reclaims."""
        env, rng = self.env, self.rng
        exit_chance = 1.0 - math.exp(-profile["inactivity_per_week"] * self.review_days / DAYS_PER_WEEK)
        office = self.offices[person.office]
        while True:
            spell = self.start_claim(person)
            hired_quality = None
            while hired_quality is None:
                person.next_review = env.now + self.review_days
                yield env.timeout(self.review_days)
                now = env.now
                person.minutes_known += self.p.advisers["review_minutes"]
                hired_quality = self.own_search(person, profile, office, now)
                if hired_quality is None and rng.random() < exit_chance:
                    self.end_claim(person, spell)
                    return  # inactive: gone for good
            now = env.now
            employability = self.employability_now(person, now)
            well_matched = person.matched_until >= now
            self.end_claim(person, spell)
            hazard = self.separation_hazard(profile, hired_quality, employability, person.motivation, well_matched)
            tenure_weeks = rng.expovariate(hazard)
            yield env.timeout(tenure_weeks * DAYS_PER_WEEK)
            if rng.random() >= self.reclaim_probability(tenure_weeks):
                return
            yield env.timeout(self.p.jobs["reclaim_delay_weeks"] * DAYS_PER_WEEK)

    # --- the review's own search (reviews.cpp) -------------------------------------------
    def own_search(self, person, profile, office, now):
        """Returns the job quality of a vacancy found and taken, or None."""
        p = self.search_probability(profile, self.employability_now(person, now), person.motivation,
                                    self.decayed_boost(person.boost, person.boost_time, now), office.tightness())
        if not office.pool:
            return None
        if self.rng.random() >= p:
            return None
        pool = office.pool
        vacancy = pool[min(int(self.rng.random() * len(pool)), len(pool) - 1)]
        self.close_vacancy(office, vacancy)
        return vacancy[1]

    # --- vacancies (vacancies.cpp) -------------------------------------------------------
    def close_vacancy(self, office, vacancy):
        slot = vacancy[0]
        if slot < 0:
            return
        last = office.pool[-1]
        office.pool[slot] = last
        last[0] = slot
        office.pool.pop()
        vacancy[0] = -1

    def employer(self, office, quality):
        e = self.p.employers
        rate = e["vacancies_per_week"] / DAYS_PER_WEEK
        open_days = e["open_period_weeks"] * DAYS_PER_WEEK
        fill = e["external_fill_per_week"] / DAYS_PER_WEEK
        while True:
            yield self.env.timeout(self.rng.expovariate(rate))
            vacancy = [len(office.pool), quality]
            office.pool.append(vacancy)
            close_after = min(self.rng.expovariate(fill), open_days) if fill > 0 else open_days
            closing = self.env.timeout(close_after)
            closing.callbacks.append(lambda _event, o=office, v=vacancy: self.close_vacancy(o, v))

    # --- the weekly plan (planning.cpp, forecast.cpp) ------------------------------------
    def employment_weeks(self, profile, employability, motivation, boost, well_matched, tightness):
        """forecast.cpp's project(): expected weeks in work in the year after an entry, times
        P(entry within the horizon), for a client with no lock-in, fund or pending hire."""
        horizon = self.p.advisers["horizon_weeks"]
        review_weeks = self.review_days / DAYS_PER_WEEK
        if boost != 0.0:
            boost = boost * (1.0 - math.exp(-self.boost_rate * horizon)) / (self.boost_rate * horizon)
        r = 1.0 - math.exp(-review_weeks * profile["inactivity_per_week"])
        q = self.search_probability(profile, employability, motivation, boost, tightness)
        intervals = horizon / review_weeks
        stay = (1.0 - q) * (1.0 - r)
        entry = 0.0
        if intervals > 0 and stay < 1.0:
            entry = q * (1.0 - stay ** intervals) / (1.0 - stay)
        hazard = self.separation_hazard(profile, self.p.employers["quality_alpha"] /
                                        (self.p.employers["quality_alpha"] + self.p.employers["quality_beta"]),
                                        employability, motivation, well_matched)
        return entry * (1.0 - math.exp(-52.0 * hazard)) / hazard

    def plan_adviser(self, office, adviser, now):
        model = self.p.advisers
        reviews_due = sum(model["review_minutes"] for client in adviser.caseload
                          if client.next_review < now + DAYS_PER_WEEK)
        budget = self.budget_minutes - reviews_due
        if budget <= 0.0:
            return
        minutes = self.p.interview["minutes"]
        tightness = office.tightness()
        ranked = []
        for order, client in enumerate(adviser.caseload):
            profile = self.p.groups[client.group][1]
            sharpen = 1.0 / math.sqrt(1.0 + client.minutes_known / model["perception_minutes_scale"])
            employability = (self.employability_now(client, now) +
                             model["perception_sd_employability"] * sharpen * client.z_employability)
            motivation = min(1.0, max(0.0, client.motivation +
                                      model["perception_sd_motivation"] * sharpen * client.z_motivation))
            boost = self.decayed_boost(client.boost, client.boost_time, now)
            before = self.employment_weeks(profile, employability, motivation, boost,
                                           client.matched_until > now, tightness)
            after = self.employment_weeks(profile, employability, motivation, boost + self.p.interview["boost"],
                                          True, tightness)
            need = math.exp(-model["need_weight"] * employability)
            value = adviser.w_client * need * (after - before) - model["time_cost_per_minute"] * minutes
            score = value / minutes
            if score > 0.0:
                ranked.append((-score, order, client))
        # Greedy by value per minute while the minutes last (every interview costs the same).
        chosen = heapq.nsmallest(max(0, int(budget // minutes)), ranked)
        for i, (_, _, client) in enumerate(chosen):
            at = 5.0 * (i + 0.5) / len(chosen)
            self.env.timeout(at).callbacks.append(
                lambda _event, c=client, a=adviser: self.interview_client(c, a))

    def interview_client(self, client, adviser):
        if not client.claiming or client.adviser is not adviser or client.slot < 0:
            return  # left the caseload since the plan was made
        now = self.env.now
        client.minutes_known += self.p.interview["minutes"]
        client.boost = self.decayed_boost(client.boost, client.boost_time, now) + \
            self.p.interview["boost"] * adviser.effectiveness
        client.boost_time = now
        client.matched_until = now + self.p.interview["match_weeks"] * DAYS_PER_WEEK

    def weeks(self):
        while True:
            now = self.env.now
            for office in self.offices:
                for adviser in office.advisers:
                    self.plan_adviser(office, adviser, now)
            if now + DAYS_PER_WEEK >= self.p.end:
                return
            yield self.env.timeout(DAYS_PER_WEEK)

    # --- the run ------------------------------------------------------------------------
    def run(self):
        for index, office in enumerate(self.offices):
            for quality in office.employer_quality:
                self.env.process(self.employer(office, quality))
            for group in range(len(self.p.groups)):
                self.env.process(self.arrivals(index, group))
        self.env.process(self.weeks())
        self.env.run(until=self.p.end)

    def measured_claims(self):
        """Claims begun in the measured period: group, weeks followed, and whether they ended."""
        out = []
        for start, end, group in self.spells:
            if start < self.p.warmup_days:
                continue
            ended = end is not None
            out.append((group, ((end if ended else self.p.end) - start) / DAYS_PER_WEEK, ended))
        return out


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("resolved", type=Path, help="resolved scenario YAML (caseload check --resolved)")
    parser.add_argument("--seed", type=int, help="overrides run.seed")
    parser.add_argument("--set", action="append", default=[], metavar="PATH=VALUE",
                        help="changes a resolved value (dotted path, a YAML scalar): what compare.py's "
                             "--peer-set uses to show that a peer which differs is caught")
    parser.add_argument("-o", "--output", type=Path, required=True, help="JSON file for the measured claims")
    args = parser.parse_args(argv)
    resolved = resolved_yaml.load(args.resolved.read_text())
    if args.seed is not None:
        resolved["run"]["seed"] = args.seed
    for assignment in args.set:
        path, _, value = assignment.partition("=")
        *parents, key = path.split(".")
        node = resolved
        for part in parents:
            node = node[part]
        if key not in node:
            print(f"--set {assignment}: no key '{path}' in the resolved scenario", file=sys.stderr)
            return 2
        node[key] = resolved_yaml.scalar(value)
    try:
        params = Params(resolved)
    except UnsupportedScenario as problem:
        print(f"{args.resolved}: not the reduced model: {problem}", file=sys.stderr)
        return 2
    model = ReducedModel(params)
    model.run()
    claims = model.measured_claims()
    args.output.write_text(json.dumps({
        "groups": [name for name, _ in params.groups],
        "group": [c[0] for c in claims],
        "weeks_seen": [c[1] for c in claims],
        "ended": [c[2] for c in claims],
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
