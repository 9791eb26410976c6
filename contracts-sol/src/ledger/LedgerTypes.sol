// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @notice What governance fixes when it starts a plan. Fixed-point values use 1e6 units
/// ("micro"): an epsilon budget of 3.0 is 3_000_000, a score of -0.25 is -250_000.
struct PlanParams {
    bytes32 planHash; // SHA-256 of the canonical plan JSON (the plan itself is a gossiped blob)
    address[] invited; // members asked to take part; each opts in
    uint32 rounds;
    uint32 commitWindow; // seconds a round stays open for commits
    uint32 enrolmentWindow; // seconds invited members have to opt in
    uint8 quorumPercent; // share of participants whose votes finalise an aggregate or a score vector (> 50)
    uint64 epsilonBudget; // per member, micro-epsilon
    bool secureAggregation;
    uint8 contributionMode; // 0: per-member updates visible (DP mode), 1: aggregate only (secure-aggregation mode)
    uint8 scoresLag; // a commit for round r carries the score vote for round r - scoresLag (1..2)
    uint128 rewardPerScore; // reward-token base units minted per 1.0 of positive score
}

/// @dev Read by every commit, written only when participants or status change (168 bits).
struct PlanSettings {
    uint16 participants;
    uint8 status;
    uint32 commitWindow;
    uint32 totalRounds;
    uint64 epsilonBudget;
    uint8 quorumPercent;
    uint8 scoresLag;
}

/// @dev The one slot every commit and vote writes (256 bits): the round clock and the vote tallies.
struct RoundClock {
    uint32 currentRound;
    uint40 roundOpenedAt; // while enrolling: when enrolment opened
    uint16 committed; // participants that committed to the current round
    uint168 tallies; // see VoteAgreements
}

/// @dev Both slots, as the ledger's functions work on them in memory.
struct PlanState {
    uint32 currentRound;
    uint40 roundOpenedAt;
    uint16 committed;
    uint168 tallies;
    uint16 participants;
    uint8 status;
    uint32 commitWindow;
    uint32 totalRounds;
    uint64 epsilonBudget;
    uint8 quorumPercent;
    uint8 scoresLag;
}

/// @dev Read only while enrolling, scoring and releasing.
struct PlanConfig {
    bytes32 planHash;
    uint40 enrolmentDeadline;
    uint16 invited;
    bool secureAggregation;
    uint8 contributionMode;
    uint128 rewardPerScore;
}

/// @dev One slot per (plan, member). Round markers hold round + 1, so 0 means "never".
struct Participant {
    uint8 status;
    uint32 lastCommit;
    uint32 lastAggregateVote;
    uint32 lastScoresVote;
    uint64 epsilonSpent; // cumulative, micro-epsilon
}
