// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {PlanMembership} from "./PlanMembership.sol";
import {PlanParams, PlanState, PlanConfig} from "./LedgerTypes.sol";

/// @title Plans: start and cancel (governance), opt-in, and the round clock.
/// @notice A round closes early in the commit that completes it, or at its deadline with whoever
/// committed; the next round opens in the same transaction. A deadline close is done by the first
/// commit for the next round, or by a participant calling `advance`, so a steady round needs no keeper.
abstract contract PlanSchedule is PlanMembership {
    /// @dev Round markers are 24-bit (Participant, and the tags in the agreement ring).
    uint32 internal constant MAX_ROUNDS = (1 << 24) - 2;
    uint64 internal constant MAX_SAMPLES = (1 << 48) - 1;

    /// @dev Starts a plan and opens enrolment for the invited members (governance checks the caller).
    function _startPlan(PlanParams calldata p) internal returns (uint256 planId) {
        _validate(p);
        if (p.rewardPool > _globals.maxRewardPool) revert InvalidPlanParameter("rewardPool");
        planId = ++planCount;
        uint40 deadline = _now() + p.enrolmentWindow;
        _storeSettings(planId, _initialState(p, _datasetId(p.schemaHash)));
        _clock[planId].roundOpenedAt = _now();
        _config[planId] = PlanConfig({
            planHash: p.planHash,
            schemaHash: p.schemaHash,
            enrolmentDeadline: deadline,
            availabilityWindow: p.availabilityWindow,
            settlementWindow: p.settlementWindow,
            secureAggregation: p.secureAggregation,
            contributionMode: p.contributionMode,
            recordedRounds: 0,
            settled: false,
            rewardPool: p.rewardPool,
            minted: 0
        });
        for (uint256 i = 0; i < p.invited.length; i++) {
            address a = p.invited[i];
            if (!membership.isMember(a)) revert NotAMember(a);
            if (_participants[planId][a].status != 0) revert DuplicateInvitee(a);
            _participants[planId][a].status = INVITED;
            _participants[planId][a].maxSamples = uint48(p.maxSamples[i]);
        }
        _invitees[planId] = p.invited;

        emit PlanStarted(planId, p.planHash, p.invited, p.rounds, p.commitWindow, deadline);
        emit PlanTerms(planId, p.quorumPercent, p.epsilonBudget, p.secureAggregation, p.contributionMode, p.scoresLag, p.rewardPool, p.kind, p.bufferSize);
        emit PlanLimits(planId, p.schemaHash, p.maxSamples, p.setupRounds, p.minParticipants, p.epsilonPerRound,
            p.availabilityWindow, p.settlementWindow);
    }

    /// @dev Cancels an enrolling or running plan (a stalled one, or one that should not go on).
    function _cancelPlan(uint256 planId) internal {
        PlanState memory s = _loadState(planId);
        if (s.status != STATUS_ENROLLING && s.status != STATUS_RUNNING) revert PlanNotActive(planId, s.status);
        _cancel(planId, s);
        _storeSettings(planId, s);
    }

    /// @dev An invited member joins the plan. Round 0 opens once every invitee still in the plan has opted in.
    function _optIn(uint256 planId) internal {
        PlanState memory s = _loadState(planId);
        _sync(planId, s, _globals.removalCount);
        if (s.status != STATUS_ENROLLING) revert PlanNotEnrolling(planId, s.status);
        PlanConfig storage c = _config[planId];
        if (_now() >= c.enrolmentDeadline) revert EnrolmentClosed(planId, c.enrolmentDeadline);
        if (_participants[planId][msg.sender].status != INVITED) revert NotInvited(planId, msg.sender);

        uint8 index = uint8(_optedIn[planId].length);
        _optedIn[planId].push(msg.sender);
        _participants[planId][msg.sender].status = PARTICIPANT;
        _participants[planId][msg.sender].index = index;
        s.participants += 1;
        emit OptedIn(planId, msg.sender, index);
        if (s.participants == s.invited) _openRound(planId, s);
        _store(planId, s, true);
    }

    /// @dev Moves a plan past what is due: the end of enrolment (the plan starts, or is cancelled
    /// below its minimum participants), an expired round deadline, or removals that finish a round.
    /// The plan's live invitees may call it while enrolling, its live participants after.
    function _advance(uint256 planId) internal {
        PlanState memory s = _loadState(planId);
        uint8 before = s.status;
        uint24 round = s.currentRound;
        _sync(planId, s, _globals.removalCount);
        uint8 caller = _participants[planId][msg.sender].status;
        bool enrolling = before == STATUS_ENROLLING;
        if (caller != PARTICIPANT && !(enrolling && caller == INVITED)) revert NotParticipant(planId, msg.sender);

        if (s.status == STATUS_ENROLLING && _now() >= _config[planId].enrolmentDeadline) {
            if (s.participants < s.minParticipants) _cancel(planId, s);
            else _openRound(planId, s);
        } else if (s.status == STATUS_RUNNING && _now() >= _deadline(s)) {
            _closeRound(planId, s, false);
        } else if (s.status == before && s.currentRound == round) {
            revert NothingToAdvance(planId);
        }
        _store(planId, s, true);
    }

    function _openRound(uint256 planId, PlanState memory s) internal override {
        s.status = STATUS_RUNNING;
        s.roundOpenedAt = _now();
        s.committedLive = 0;
        s.committedTotal = 0;
        emit RoundOpened(planId, s.currentRound, s.roundOpenedAt, _deadline(s));
    }

    /// @dev Also files the round's commit count in the committer ring (recordScores checks score vectors against it).
    function _closeRound(uint256 planId, PlanState memory s, bool early) internal override {
        emit RoundClosed(planId, s.currentRound, s.committedTotal, early);
        if (_isArrivalWindow(s)) {
            emit ArrivalsClosed(planId, s.currentRound, _arrivals[planId]);
            delete _arrivals[planId];
        }
        uint256 shift = (uint256(s.currentRound) % RECORD_WINDOW) * 8;
        uint256 ring = _roundCommitters[planId];
        _roundCommitters[planId] = (ring & ~(uint256(0xff) << shift)) | (uint256(s.committedTotal) << shift);
        s.currentRound += 1;
        if (s.currentRound == s.totalRounds) {
            s.status = STATUS_COMPLETED;
            s.roundOpenedAt = _now(); // from now on: when the last round closed
            s.committedLive = 0;
            s.committedTotal = 0;
            emit PlanCompleted(planId);
        } else {
            _openRound(planId, s);
        }
    }

    function _initialState(PlanParams calldata p, uint32 datasetId) private view returns (PlanState memory s) {
        // an analysis plan's DP releases are all in its first data round: one charge per member
        uint256 training = p.kind == PLAN_ANALYSIS ? 1 : p.rounds - p.setupRounds;
        uint256 limit = p.epsilonPerRound == 0 ? training : p.epsilonBudget / p.epsilonPerRound;
        s.invited = uint8(p.invited.length);
        s.status = STATUS_ENROLLING;
        s.minParticipants = p.minParticipants;
        s.quorumPercent = p.quorumPercent;
        s.scoresLag = p.scoresLag;
        s.setupRounds = p.setupRounds;
        s.commitWindow = p.commitWindow;
        s.totalRounds = uint24(p.rounds);
        s.chargeLimit = uint24(limit < training ? limit : training);
        s.epsilonPerRound = p.epsilonPerRound;
        s.datasetId = datasetId;
        s.removalsSeen = _globals.removalCount;
        s.kind = p.kind;
        s.bufferSize = p.bufferSize;
    }

    function _validate(PlanParams calldata p) private view {
        if (p.planHash == bytes32(0)) revert InvalidPlanParameter("planHash");
        if (p.schemaHash == bytes32(0)) revert InvalidPlanParameter("schemaHash");
        // at most 255: participant indexes, vote tallies and ring counts are 8 bits
        if (p.invited.length < 2 || p.invited.length > 255) revert InvalidPlanParameter("invited");
        if (p.maxSamples.length != p.invited.length) revert InvalidPlanParameter("maxSamples");
        for (uint256 i = 0; i < p.maxSamples.length; i++) {
            if (p.maxSamples[i] == 0 || p.maxSamples[i] > MAX_SAMPLES) revert InvalidPlanParameter("maxSamples");
        }
        if (p.rounds == 0 || p.rounds > MAX_ROUNDS) revert InvalidPlanParameter("rounds");
        if (p.setupRounds >= p.rounds) revert InvalidPlanParameter("setupRounds");
        if (p.commitWindow == 0) revert InvalidPlanParameter("commitWindow");
        if (p.enrolmentWindow == 0) revert InvalidPlanParameter("enrolmentWindow");
        if (p.availabilityWindow == 0 || p.availabilityWindow >= p.commitWindow) revert InvalidPlanParameter("availabilityWindow");
        if (p.settlementWindow == 0) revert InvalidPlanParameter("settlementWindow");
        if (p.minParticipants < 2 || p.minParticipants > p.invited.length) revert InvalidPlanParameter("minParticipants");
        if (p.quorumPercent <= 50 || p.quorumPercent > 100) revert InvalidPlanParameter("quorumPercent");
        if (p.epsilonPerRound > 0 && p.epsilonBudget < p.epsilonPerRound) revert InvalidPlanParameter("epsilonBudget");
        if (p.contributionMode > 1) revert InvalidPlanParameter("contributionMode");
        if (p.scoresLag == 0 || p.scoresLag > 2) revert InvalidPlanParameter("scoresLag");
        if (block.timestamp + p.enrolmentWindow > type(uint40).max) revert InvalidPlanParameter("enrolmentWindow");
        if (p.kind > PLAN_ANALYSIS) revert InvalidPlanParameter("kind");
        // an analysis plan is not scored, so nothing could ever be paid from a pool
        if (p.kind == PLAN_ANALYSIS && p.rewardPool != 0) revert InvalidPlanParameter("rewardPool");
        // an arrival window holds at most every participant; masks cancel only over a set fixed before
        // masking, and an analysis plan's quorum of results needs every member on one round
        if (p.bufferSize > p.invited.length) revert InvalidPlanParameter("bufferSize");
        if (p.bufferSize != 0 && (p.secureAggregation || p.kind == PLAN_ANALYSIS)) revert InvalidPlanParameter("bufferSize");
    }
}
