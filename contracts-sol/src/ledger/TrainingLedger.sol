// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {IMembership} from "./LedgerBase.sol";
import {LedgerCore} from "./LedgerCore.sol";
import {IMemberRemovalListener} from "../membership/IMemberRemovalListener.sol";
import {RewardToken} from "../rewards/RewardToken.sol";

/// @title The consortium's training ledger: plans (training and analysis), rounds, commits, agreements,
/// data availability, privacy charges, contribution scores, rewards, analysis results, releases and aggregator findings.
/// @notice This contract takes the members' transactions (opt in, commit, vote, pin, record scores,
/// advance). Every other function (governance: start and cancel plans, settings, releases; settling
/// rewards; views) is LedgerAdministration's, reached through this contract's fallback by
/// delegatecall: call them all at this address. The logic is split by concern: LedgerSettings,
/// PlanMembership, PlanSchedule, VoteAgreements, Availability, RoundCommits, ScoresAndRewards, ModelReleases,
/// AnalysisResults, AggregatorFindings.
contract TrainingLedger is LedgerCore, IMemberRemovalListener {
    /// @notice The LedgerAdministration this ledger delegates governance, settlement and views to.
    address public immutable administration;

    /// @param governance_ the TimelockController governance executes through
    /// @param administration_ a LedgerAdministration deployed with the same membership, governance and token
    /// @param defaultLifetimeBudget_ micro-epsilon per (member, dataset) until governance sets a dataset's budget
    /// @param maxRewardPool_ the largest reward pool a plan may have
    constructor(
        IMembership membership_,
        address governance_,
        RewardToken rewardToken_,
        address administration_,
        uint64 defaultLifetimeBudget_,
        uint128 maxRewardPool_
    ) LedgerCore(membership_, governance_, rewardToken_) {
        administration = administration_;
        _initSettings(defaultLifetimeBudget_, maxRewardPool_);
    }

    /// @notice An invited member joins the plan. Round 0 opens once every invitee still in the plan has opted in.
    function optIn(uint256 planId) external {
        _optIn(planId);
    }

    /// @notice Moves a plan past what is due: the end of enrolment (the plan starts, or is cancelled
    /// below its minimum participants), an expired round deadline, or removals that finish a round.
    /// Only needed when no commit does it (a round nobody finishes, the last round, enrolment).
    /// Callable by the plan's live invitees while enrolling, by its live participants after.
    function advance(uint256 planId) external {
        _advance(planId);
    }

    /// @notice A member's update for a round, with the votes and the pin it carries (RoundCommits).
    /// Charges the plan's epsilonPerRound in a training round, whatever the member says.
    /// @param blobHash SHA-256 of the member's update blob for this round (non-zero)
    /// @param sampleCount samples behind the update: 1..the member's maxSamples in the plan
    /// @param aggregateVote hash of round - 1's aggregate; zero in round 0 (or to abstain)
    /// @param scoresVote score-vector hash of round - scoresLag; zero before that round exists (or to abstain)
    /// @param pinnedHash round 0: SHA-256(keys blob id || shares blob id) of its secure-aggregation blobs;
    /// round r >= 1: the blob id of its utility report for round r - 1; zero when it has none
    /// @param missing exclusion ballot for round - 1: bit i set = the blob of participant index i is not held
    function commit(
        uint256 planId,
        uint32 round,
        bytes32 blobHash,
        uint64 sampleCount,
        bytes32 aggregateVote,
        bytes32 scoresVote,
        bytes32 pinnedHash,
        uint256 missing
    ) external {
        _commit(planId, round, blobHash, sampleCount, aggregateVote, scoresVote, pinnedHash, missing);
    }

    /// @notice Votes on the aggregate (new global model) hash of the previous round, or of the last
    /// round once the plan completed.
    function voteAggregate(uint256 planId, uint32 round, bytes32 aggregateHash) external {
        _standaloneVote(planId, KIND_AGGREGATE, round, aggregateHash);
    }

    /// @notice Votes on the score-vector hash (see `scoresHash`) of one of the last two closed rounds.
    function voteScores(uint256 planId, uint32 round, bytes32 scoresHash_) external {
        _standaloneVote(planId, KIND_SCORES, round, scoresHash_);
    }

    /// @notice An exclusion ballot for the last closed round without a commit (Availability).
    function voteExclusion(uint256 planId, uint32 round, uint256 missing) external {
        _standaloneExclusion(planId, round, missing);
    }

    /// @notice Pins a blob of a closed round that no commit carried (e.g. the last round's utility report).
    function pin(uint256 planId, uint32 round, bytes32 hash) external {
        _pin(planId, round, hash);
    }

    /// @notice An analysis plan's result: the hash of the results this member computed after the closed
    /// round `round` (AnalysisResults). A quorum of equal hashes agrees it and completes the plan, early
    /// if rounds are left. One vote per member per plan.
    function voteResult(uint256 planId, uint32 round, bytes32 resultHash) external {
        _voteResult(planId, round, resultHash);
    }

    /// @notice Records agreed score vectors of consecutive rounds (ScoresAndRewards); settles the plan
    /// when this completes its record after the plan completed.
    function recordScores(uint256 planId, uint32 firstRound, address[] calldata members, int64[] calldata scores) external {
        _recordScores(planId, firstRound, members, scores);
    }

    /// @notice The registry's removal hook: logs the removal, O(1) (PlanMembership).
    function onMemberRemoved(address account) external {
        _logRemoval(account);
    }

    /// @dev Every other selector runs LedgerAdministration's code on this contract's storage; its
    /// return data or revert passes through unchanged (as OpenZeppelin's Proxy._delegate, without
    /// accepting ether).
    fallback() external {
        address target = administration;
        assembly {
            calldatacopy(0x00, 0x00, calldatasize())
            let ok := delegatecall(gas(), target, 0x00, calldatasize(), 0x00, 0x00)
            returndatacopy(0x00, 0x00, returndatasize())
            switch ok
            case 0 { revert(0x00, returndatasize()) }
            default { return(0x00, returndatasize()) }
        }
    }
}
