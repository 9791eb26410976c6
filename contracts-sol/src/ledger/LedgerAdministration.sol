// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {IMembership} from "./LedgerBase.sol";
import {LedgerCore} from "./LedgerCore.sol";
import {PlanParams, PlanState, PlanConfig, Participant} from "./LedgerTypes.sol";
import {RewardToken} from "../rewards/RewardToken.sol";

/// @title The training ledger's governance, settlement and views.
/// @notice Deployed once beside TrainingLedger and called only through it (delegatecall from its
/// fallback), on its storage: call these functions at the TrainingLedger's address. Called at its
/// own address it has no plans, so it changes nothing that matters.
contract LedgerAdministration is LedgerCore {
    constructor(IMembership membership_, address governance_, RewardToken rewardToken_)
        LedgerCore(membership_, governance_, rewardToken_)
    {}

    // Governance (the timelock)

    /// @notice Starts a plan and opens enrolment for the invited members. Governance only.
    function startPlan(PlanParams calldata p) external onlyGovernance returns (uint256) {
        return _startPlan(p);
    }

    /// @notice Cancels an enrolling or running plan. Governance only.
    function cancelPlan(uint256 planId) external onlyGovernance {
        _cancelPlan(planId);
    }

    /// @notice Records the release of a completed plan's model: its last finalised aggregate. Governance only.
    function releaseModel(uint256 planId, bytes32 modelHash, bytes32 evaluationReportHash) external onlyGovernance {
        _releaseModel(planId, modelHash, evaluationReportHash);
    }

    /// @notice Sets every member's lifetime epsilon budget on `dataset` (a schema hash), micro-epsilon. Governance only.
    function setLifetimeBudget(bytes32 dataset, uint64 budget) external onlyGovernance {
        _setLifetimeBudget(dataset, budget);
    }

    /// @notice Sets the lifetime budget of datasets governance set none for. Governance only.
    function setDefaultLifetimeBudget(uint64 budget) external onlyGovernance {
        _setDefaultLifetimeBudget(budget);
    }

    /// @notice Caps the reward pool of plans started from now on. Governance only.
    function setMaxRewardPool(uint128 maxRewardPool_) external onlyGovernance {
        _setMaxRewardPool(maxRewardPool_);
    }

    // Rewards

    /// @notice Pays the plan's rewards once recording is over (ScoresAndRewards). A live participant calls it.
    function settle(uint256 planId) external {
        _settlePlan(planId);
    }

    /// @notice What `member` would be paid if the plan settled now.
    function rewardOf(uint256 planId, address member) external view returns (uint256) {
        return _rewardOf(planId, member);
    }

    // Members

    /// @notice Pins the caller's signed evaluation of a completed plan's final model (once per participant).
    function pinEvaluation(uint256 planId, bytes32 blobHash) external {
        _pinEvaluation(planId, blobHash);
    }

    /// @notice Names a committer of a closed training round that lied in its sharded aggregation (AggregatorFindings),
    /// once per (round, member, reporter); the caller is a participant that redid the member's shard.
    function reportAggregatorFinding(uint256 planId, uint32 round, address member, uint32 shard, bytes32 claim, bytes32 aggregate, uint8 reason)
        external
    {
        _reportAggregatorFinding(planId, round, member, shard, claim, aggregate, reason);
    }

    // Views

    /// @notice How many participants named `member` in the round's sharded aggregation.
    function aggregatorFindingsOf(uint256 planId, uint32 round, address member) external view returns (uint16) {
        return _findingReports[keccak256(abi.encode(planId, round, member))];
    }

    function evaluationOf(uint256 planId, address member) external view returns (bytes32) {
        return _evaluations[planId][member];
    }

    /// @notice The plan's clock and settings, with removals not yet applied by a transaction counted in.
    function planState(uint256 planId) external view returns (PlanState memory) {
        return _syncedView(planId);
    }

    function planConfig(uint256 planId) external view returns (PlanConfig memory) {
        return _config[planId];
    }

    /// @notice A member's record in the plan; DROPPED once its removal from the consortium is logged.
    function participant(uint256 planId, address account) external view returns (Participant memory p) {
        p = _participants[planId][account];
        if ((p.status == PARTICIPANT || p.status == INVITED) && _removalPending(planId, account)) p.status = DROPPED;
    }

    function invitees(uint256 planId) external view returns (address[] memory) {
        return _invitees[planId];
    }

    /// @notice The participants in opt-in order: bit i of an exclusion ballot names element i.
    function participantsByIndex(uint256 planId) external view returns (address[] memory) {
        return _optedIn[planId];
    }

    /// @notice Micro-epsilon the ledger charged the member in this plan.
    function epsilonSpent(uint256 planId, address account) external view returns (uint64) {
        return uint64(_participants[planId][account].charged) * _settings[planId].epsilonPerRound;
    }

    /// @notice The most the plan can charge one member: its training rounds (within its budget) times epsilonPerRound.
    function planEpsilonCost(uint256 planId) public view returns (uint64) {
        PlanState memory s = _loadState(planId);
        return uint64(s.chargeLimit) * s.epsilonPerRound;
    }

    /// @notice Whether the rest of the plan fits the member's lifetime budget on the plan's dataset, so a
    /// node can refuse a plan before it opts in: `remaining` lifetime budget, `cost` the plan may still charge.
    function fitsLifetimeBudget(uint256 planId, address member) external view returns (bool fits, uint64 remaining, uint64 cost) {
        bytes32 dataset = _config[planId].schemaHash;
        uint64 budget = _lifetimeBudget(dataset);
        uint64 spent = _lifetimeSpent(member, dataset);
        remaining = spent >= budget ? 0 : budget - spent;
        cost = planEpsilonCost(planId) - uint64(_participants[planId][member].charged) * _settings[planId].epsilonPerRound;
        fits = cost <= remaining;
    }

    function lifetimeBudget(bytes32 dataset) external view returns (uint64) {
        return _lifetimeBudget(dataset);
    }

    function lifetimeSpent(address member, bytes32 dataset) external view returns (uint64) {
        return _lifetimeSpent(member, dataset);
    }

    function defaultLifetimeBudget() external view returns (uint64) {
        return _globals.defaultLifetimeBudget;
    }

    function maxRewardPool() external view returns (uint128) {
        return _globals.maxRewardPool;
    }

    /// @notice How many removals the log holds (each plan applies them lazily).
    function removalCount() external view returns (uint32) {
        return _globals.removalCount;
    }

    /// @notice The leading hash of a round still in the tally ring, its votes, and whether it is agreed.
    function tallyOf(uint256 planId, uint8 kind, uint32 round) external view returns (bytes32 leading, uint8 votes, bool agreed) {
        return _tallyOf(planId, kind, round);
    }

    /// @notice The agreed score-vector hash of a round, and whether its scores were recorded.
    function agreedScores(uint256 planId, uint32 round) external view returns (bytes32 hash, bool recorded) {
        hash = _agreedScores[planId][round];
        recorded = hash == RECORDED;
    }

    /// @notice A closed round's committers less its excluded blobs: what its score vector must name
    /// (within 32 rounds of the plan's current round).
    function roundCommitters(uint256 planId, uint32 round) external view returns (uint8) {
        return uint8(_roundCommitters[planId] >> ((uint256(round) % RECORD_WINDOW) * 8));
    }

    /// @notice Ballots against `member`'s round blob so far, and whether it was excluded.
    function exclusionOf(uint256 planId, uint32 round, address member) external view returns (uint16 votes, bool excluded) {
        return _exclusionOf(planId, round, member);
    }

    /// @notice The exclusion ballot `voter` cast for a round (0: none).
    function ballotOf(uint256 planId, uint32 round, address voter) external view returns (uint256) {
        return _ballots[keccak256(abi.encode(planId, round, voter))];
    }

    /// @notice An analysis plan's result hash: the leading one until agreed, and the round it follows.
    function agreedResult(uint256 planId) external view returns (bytes32 hash, uint32 round, bool agreed) {
        AgreedResult memory r = _results[planId];
        return (r.hash, r.round, r.agreed);
    }

    /// @notice Votes so far for `hash` as the results after `round` of an analysis plan.
    function resultVotes(uint256 planId, uint32 round, bytes32 hash) external view returns (uint256) {
        return _resultVotes[keccak256(abi.encode(planId, round, hash))];
    }

    function releasedModel(uint256 planId) external view returns (bytes32) {
        return _released[planId];
    }

    /// @notice The hash members vote on: keccak256(abi.encode(planId, round, members, scores)),
    /// scores in micro units (1e6 = 1.0).
    function scoresHash(uint256 planId, uint32 round, address[] calldata members, int64[] calldata scores)
        external
        pure
        returns (bytes32)
    {
        return keccak256(abi.encode(planId, round, members, scores));
    }
}
