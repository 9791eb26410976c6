// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {LedgerBase} from "./LedgerBase.sol";
import {PlanParams, PlanState, PlanConfig} from "./LedgerTypes.sol";

/// @title Plans: start (governance), opt-in, and the round clock.
/// @notice A round closes early in the commit that completes it, or at its deadline with whoever
/// committed; the next round opens in the same transaction. A deadline close is done by the first
/// commit for the next round, or by anyone calling `advance`, so a steady round needs no keeper.
abstract contract PlanSchedule is LedgerBase {
    /// @dev Round markers are stored as 24-bit tags in the agreement ring (see VoteAgreements).
    uint32 internal constant MAX_ROUNDS = (1 << 24) - 2;

    /// @notice Starts a plan and opens enrolment for the invited members. Governance only.
    function startPlan(PlanParams calldata p) external onlyGovernance returns (uint256 planId) {
        _validate(p);
        planId = ++planCount;
        uint40 deadline = _now() + p.enrolmentWindow;
        PlanState memory s = PlanState({
            currentRound: 0,
            roundOpenedAt: _now(),
            committed: 0,
            tallies: 0,
            participants: 0,
            status: STATUS_ENROLLING,
            commitWindow: p.commitWindow,
            totalRounds: p.rounds,
            epsilonBudget: p.epsilonBudget,
            quorumPercent: p.quorumPercent,
            scoresLag: p.scoresLag
        });
        _store(planId, s, true);
        _config[planId] = PlanConfig({
            planHash: p.planHash,
            enrolmentDeadline: deadline,
            invited: uint16(p.invited.length),
            secureAggregation: p.secureAggregation,
            contributionMode: p.contributionMode,
            rewardPerScore: p.rewardPerScore
        });
        for (uint256 i = 0; i < p.invited.length; i++) {
            address a = p.invited[i];
            if (!membership.isMember(a)) revert NotAMember(a);
            if (_participants[planId][a].status != 0) revert DuplicateInvitee(a);
            _participants[planId][a].status = INVITED;
        }
        _invitees[planId] = p.invited;
        _activePlans.push(planId);
        _activeIndexPlusOne[planId] = _activePlans.length;

        emit PlanStarted(planId, p.planHash, p.invited, p.rounds, p.commitWindow, deadline);
        emit PlanTerms(
            planId, p.quorumPercent, p.epsilonBudget, p.secureAggregation, p.contributionMode, p.scoresLag, p.rewardPerScore
        );
    }

    /// @notice An invited member joins the plan. Round 0 opens once every invitee has opted in.
    function optIn(uint256 planId) external {
        PlanState memory s = _loadState(planId);
        if (s.status != STATUS_ENROLLING) revert PlanNotEnrolling(planId, s.status);
        PlanConfig storage c = _config[planId];
        if (_now() >= c.enrolmentDeadline) revert EnrolmentClosed(planId, c.enrolmentDeadline);
        if (_participants[planId][msg.sender].status != INVITED) revert NotInvited(planId, msg.sender);
        if (!membership.isMember(msg.sender)) revert NotAMember(msg.sender);

        _participants[planId][msg.sender].status = PARTICIPANT;
        s.participants += 1;
        emit OptedIn(planId, msg.sender);
        if (s.participants == c.invited) _openRound(planId, s);
        _store(planId, s, true);
    }

    /// @notice Moves a plan past an expired enrolment or round deadline. Anyone may call it; it is
    /// only needed when no commit does it (a round nobody finishes, the last round, enrolment).
    function advance(uint256 planId) external {
        PlanState memory s = _loadState(planId);
        if (s.status == STATUS_ENROLLING && _now() >= _config[planId].enrolmentDeadline) {
            if (s.participants == 0) {
                s.status = STATUS_CANCELLED;
                _deactivate(planId);
                emit PlanCancelled(planId);
            } else {
                _openRound(planId, s);
            }
        } else if (s.status == STATUS_RUNNING && _now() >= _deadline(s)) {
            _closeRound(planId, s, false);
        } else {
            revert NothingToAdvance(planId);
        }
        _store(planId, s, true);
    }

    function _openRound(uint256 planId, PlanState memory s) internal {
        s.status = STATUS_RUNNING;
        s.roundOpenedAt = _now();
        s.committed = 0;
        emit RoundOpened(planId, s.currentRound, s.roundOpenedAt, _deadline(s));
    }

    function _closeRound(uint256 planId, PlanState memory s, bool early) internal {
        emit RoundClosed(planId, s.currentRound, s.committed, early);
        s.currentRound += 1;
        if (s.currentRound == s.totalRounds) {
            s.status = STATUS_COMPLETED;
            _settings[planId].status = STATUS_COMPLETED; // callers store only the clock on the steady path
            s.committed = 0;
            _deactivate(planId);
            emit PlanCompleted(planId);
        } else {
            _openRound(planId, s);
        }
    }

    function _deactivate(uint256 planId) internal {
        uint256 index = _activeIndexPlusOne[planId] - 1;
        uint256 last = _activePlans[_activePlans.length - 1];
        _activePlans[index] = last;
        _activeIndexPlusOne[last] = index + 1;
        _activePlans.pop();
        delete _activeIndexPlusOne[planId];
    }

    function _validate(PlanParams calldata p) private pure {
        if (p.planHash == bytes32(0)) revert InvalidPlanParameter("planHash");
        // at most 255: agreement tallies count votes in 8 bits
        if (p.invited.length == 0 || p.invited.length > 255) revert InvalidPlanParameter("invited");
        if (p.rounds == 0 || p.rounds > MAX_ROUNDS) revert InvalidPlanParameter("rounds");
        if (p.commitWindow == 0) revert InvalidPlanParameter("commitWindow");
        if (p.enrolmentWindow == 0) revert InvalidPlanParameter("enrolmentWindow");
        if (p.quorumPercent <= 50 || p.quorumPercent > 100) revert InvalidPlanParameter("quorumPercent");
        if (p.contributionMode > 1) revert InvalidPlanParameter("contributionMode");
        if (p.scoresLag == 0 || p.scoresLag > 2) revert InvalidPlanParameter("scoresLag");
    }
}
