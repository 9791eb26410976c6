// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {LedgerSettings} from "./LedgerSettings.sol";
import {PlanState, Participant} from "./LedgerTypes.sol";

/// @title How a plan follows removals from the consortium without a loop over plans.
/// @notice Removal appends to the ledger's removal log (O(1), LedgerSettings.onMemberRemoved). Each
/// plan keeps a cursor into the log (PlanSettings.removalsSeen, set to the log's length when the
/// plan starts). Every transaction that touches a plan first applies the entries past its cursor
/// (`_sync`): a removed participant becomes DROPPED, the plan's live participant and invitee counts
/// drop by one, its commit to the current round stops counting towards early close, and its votes
/// on still-open tallies (aggregate, scores, exclusion) are undone. So:
/// - participant count: the live count is exact from the plan's next transaction on; the views
///   (`planState`, `participant`) already apply pending removals;
/// - early close: after applying removals, a running round whose remaining live participants have
///   all committed closes (in that same transaction);
/// - quorum: max(2, ceil(live participants * quorumPercent / 100)), computed from the live count
///   whenever a vote is counted; a removed member can neither vote (it is no longer a participant)
///   nor keep an open vote counted.
/// A removal costs each plan one cold log read and one participant read, paid by the plan's next
/// transaction; a plan idle across k removals pays k of them once.
abstract contract PlanMembership is LedgerSettings {
    /// @dev Applies the removals logged since the plan last looked, then what they make due
    /// (enrolment ends, the round closes early, the plan is cancelled). Returns whether the settings slot changed.
    function _sync(uint256 planId, PlanState memory s, uint32 removalCount) internal returns (bool changed) {
        if (s.removalsSeen == removalCount) return false;
        for (uint32 i = s.removalsSeen; i < removalCount; i++) {
            address account = _removalLog[i];
            Participant memory p = _participants[planId][account].load();
            uint8 was = p.status;
            if (!_countRemoval(s, p)) continue;
            if (was == PARTICIPANT) _undoVotes(planId, s, p, account);
            _participants[planId][account].status = DROPPED;
            emit ParticipantDropped(planId, account);
        }
        s.removalsSeen = removalCount;
        _afterRemovals(planId, s);
        return true;
    }

    /// @dev Loads and syncs the plan, and requires msg.sender to be one of its live participants.
    function _loadLive(uint256 planId) internal returns (PlanState memory s, bool dirty) {
        s = _loadState(planId);
        dirty = _sync(planId, s, _globals.removalCount);
        if (_participants[planId][msg.sender].status != PARTICIPANT) revert NotParticipant(planId, msg.sender);
    }

    /// @dev The plan's counters without `p`; false when it was not (or no longer) in the plan.
    function _countRemoval(PlanState memory s, Participant memory p) internal pure returns (bool) {
        if (p.status == PARTICIPANT) {
            s.participants -= 1;
            s.invited -= 1;
            if (s.status == STATUS_RUNNING && p.lastCommit == uint256(s.currentRound) + 1) s.committedLive -= 1;
            return true;
        }
        if (p.status == INVITED) {
            s.invited -= 1;
            return true;
        }
        return false;
    }

    /// @dev Enrolment that can no longer reach the minimum is cancelled; one whose remaining invitees all
    /// opted in starts; a round whose remaining live participants all committed closes early.
    function _afterRemovals(uint256 planId, PlanState memory s) private {
        if (s.status == STATUS_ENROLLING) {
            if (s.invited < s.minParticipants) _cancel(planId, s);
            else if (s.participants == s.invited) _openRound(planId, s);
        } else if (s.status == STATUS_RUNNING && s.participants > 0 && s.committedLive == s.participants) {
            _closeRound(planId, s, true);
        }
    }

    /// @dev The plan's state as `_sync` would leave its counters (for views: no writes, tallies untouched).
    function _syncedView(uint256 planId) internal view returns (PlanState memory s) {
        s = _loadState(planId);
        for (uint32 i = s.removalsSeen; i < _globals.removalCount; i++) {
            Participant memory p = _participants[planId][_removalLog[i]];
            _countRemoval(s, p);
        }
    }

    /// @dev Whether `account`'s removal is logged but not yet applied to the plan.
    function _removalPending(uint256 planId, address account) internal view returns (bool) {
        uint32 seen = _settings[planId].removalsSeen;
        for (uint32 i = seen; i < _globals.removalCount; i++) {
            if (_removalLog[i] == account) return true;
        }
        return false;
    }

    function _cancel(uint256 planId, PlanState memory s) internal {
        s.status = STATUS_CANCELLED;
        emit PlanCancelled(planId);
    }

    function _openRound(uint256 planId, PlanState memory s) internal virtual;

    function _closeRound(uint256 planId, PlanState memory s, bool early) internal virtual;
}
