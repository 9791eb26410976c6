// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {PackedSlots} from "./PackedSlots.sol";

using PackedSlots for PlanSettings global;
using PackedSlots for RoundClock global;
using PackedSlots for Participant global;
using PackedSlots for LifetimeSpend global;
using PackedSlots for LedgerGlobals global;

/// @notice What governance fixes when it starts a plan. Fixed-point values use 1e6 units
/// ("micro"): an epsilon of 3.0 is 3_000_000, a score of -0.25 is -250_000.
struct PlanParams {
    bytes32 planHash; // SHA-256 of the canonical plan JSON (the plan itself is a gossiped blob)
    bytes32 schemaHash; // the dataset: lifetime privacy budgets are kept per (member, schemaHash)
    address[] invited; // members asked to take part; each opts in
    uint64[] maxSamples; // per invitee, the most samples it may commit in a round (its declared count), 1..2^48-1
    uint32 rounds;
    uint8 setupRounds; // leading rounds that only exchange setup data (moments, keys): not charged epsilon, not scored
    uint32 commitWindow; // seconds a round stays open for commits
    uint32 enrolmentWindow; // seconds invited members have to opt in
    uint32 availabilityWindow; // seconds after a round closes before a blob nobody holds may be voted out (< commitWindow)
    uint32 settlementWindow; // seconds after completion to record the last scores before anyone may settle
    uint8 minParticipants; // at least 2; a plan with fewer at the end of enrolment is cancelled
    uint8 quorumPercent; // share of participants whose votes agree an aggregate, scores or an exclusion (> 50)
    uint32 epsilonPerRound; // micro-epsilon the ledger charges every commit of a training round
    uint64 epsilonBudget; // per member for this plan, micro-epsilon
    bool secureAggregation;
    uint8 contributionMode; // 0: per-member updates visible (DP mode), 1: aggregate only (secure-aggregation mode)
    uint8 scoresLag; // a commit for round r carries the score vote for round r - scoresLag (1..2)
    uint128 rewardPool; // the most reward units the plan can ever mint (0 for an analysis plan)
    uint8 kind; // 0: a training plan; 1: an analysis plan (AnalysisResults: early close on an agreed result, epsilon charged once)
    uint8 bufferSize; // 0: synchronous rounds; K >= 1: asynchronous (FedBuff): a training round is an arrival window that closes at its K-th commit
}

/// @dev Read by every commit, written when participants, status or the removal cursor change (248 bits).
struct PlanSettings {
    uint8 participants; // live participants (opted in, not removed)
    uint8 invited; // live invitees, participants included
    uint8 status;
    uint8 minParticipants;
    uint8 quorumPercent;
    uint8 scoresLag;
    uint8 setupRounds;
    uint32 commitWindow;
    uint24 totalRounds;
    uint24 chargeLimit; // charged commits a member's plan budget covers: epsilonBudget / epsilonPerRound
    uint32 epsilonPerRound;
    uint32 datasetId; // LedgerSettings' id of the plan's schema hash
    uint32 removalsSeen; // how many entries of the removal log this plan has applied
    uint8 kind; // PlanParams.kind
    uint8 bufferSize; // PlanParams.bufferSize
}

/// @dev The one slot every commit and vote writes (248 bits): the round clock and the vote tallies.
struct RoundClock {
    uint24 currentRound;
    uint40 roundOpenedAt; // while enrolling: when enrolment opened; once completed: when the last round closed
    uint8 committedLive; // live participants that committed to the current round (early close)
    uint8 committedTotal; // every commit of the current round, including members removed since
    uint168 tallies; // see VoteAgreements
}

/// @dev Both slots, as the ledger's functions work on them in memory.
struct PlanState {
    uint24 currentRound;
    uint40 roundOpenedAt;
    uint8 committedLive;
    uint8 committedTotal;
    uint168 tallies;
    uint8 participants;
    uint8 invited;
    uint8 status;
    uint8 minParticipants;
    uint8 quorumPercent;
    uint8 scoresLag;
    uint8 setupRounds;
    uint32 commitWindow;
    uint24 totalRounds;
    uint24 chargeLimit;
    uint32 epsilonPerRound;
    uint32 datasetId;
    uint32 removalsSeen;
    uint8 kind;
    uint8 bufferSize;
}

/// @dev Read while enrolling, excluding, scoring, settling and releasing.
struct PlanConfig {
    bytes32 planHash;
    bytes32 schemaHash;
    uint40 enrolmentDeadline;
    uint32 availabilityWindow;
    uint32 settlementWindow;
    bool secureAggregation;
    uint8 contributionMode;
    uint24 recordedRounds; // rounds whose scores were recorded
    bool settled; // rewards paid out (once)
    uint128 rewardPool;
    uint128 minted;
}

/// @dev One slot per (plan, member), 248 bits. Round markers hold round + 1, so 0 means "never".
struct Participant {
    uint8 status;
    uint8 index; // opt-in order, 0..254: bit `index` of an exclusion ballot names this member
    uint24 lastCommit;
    uint24 lastAggregateVote;
    uint24 lastScoresVote;
    bool votedScoresBefore; // it also voted the scores of round lastScoresVote - 2 (undone if it is removed)
    uint24 charged; // commits charged epsilonPerRound in this plan
    uint32 history; // bit k: committed round lastCommit - 1 - k, and its blob was not excluded
    uint48 maxSamples;
    int48 netScore; // sum of its recorded scores over the plan, micro units
}

/// @dev One slot per (member, dataset): lifetime privacy spend, with the budget cached per settings epoch.
struct LifetimeSpend {
    uint64 spent;
    uint64 budget;
    uint32 epoch; // LedgerSettings.budgetEpoch + 1 when `budget` was read; 0: never
}

/// @dev The ledger-wide slot every commit reads (256 bits).
struct LedgerGlobals {
    uint32 removalCount; // length of the removal log
    uint32 budgetEpoch; // bumped by every lifetime-budget change, so cached budgets refresh
    uint64 defaultLifetimeBudget; // micro-epsilon per (member, dataset) unless governance set one for the dataset
    uint128 maxRewardPool; // no plan may have a larger pool
}
