// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {ConsortiumFixture} from "../utils/ConsortiumFixture.sol";
import {LedgerBase} from "../../src/ledger/LedgerBase.sol";
import {PlanParams, PlanState, Participant} from "../../src/ledger/LedgerTypes.sol";

contract CommitsTest is ConsortiumFixture {
    function test_commit_byANonParticipant_reverts() public {
        uint256 planId = _running();
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.NotParticipant.selector, planId, outsider));
        ledger.commit(planId, 0, _blob(outsider, 0), 1, 0, 0, 0, 0);
    }

    function test_commit_aZeroBlobHash_reverts() public {
        uint256 planId = _running();
        vm.prank(members[0]);
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.ZeroHash.selector, "blobHash"));
        ledger.commit(planId, 0, bytes32(0), 1, 0, 0, 0, 0);
    }

    function test_commit_zeroOrTooManySamples_reverts() public {
        uint256 planId = _running();
        vm.startPrank(members[0]);
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.SampleCountOutOfRange.selector, planId, members[0], uint64(0), uint48(1000)));
        ledger.commit(planId, 0, _blob(members[0], 0), 0, 0, 0, 0, 0);
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.SampleCountOutOfRange.selector, planId, members[0], uint64(1001), uint48(1000)));
        ledger.commit(planId, 0, _blob(members[0], 0), 1001, 0, 0, 0, 0);
        ledger.commit(planId, 0, _blob(members[0], 0), 1000, 0, 0, 0, 0);
        vm.stopPrank();
    }

    function test_commit_twice_reverts() public {
        uint256 planId = _running();
        _commit(members[0], planId, 0);
        vm.prank(members[0]);
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.AlreadyCommitted.selector, planId, uint32(0), members[0]));
        ledger.commit(planId, 0, _blob(members[0], 0), 1, 0, 0, 0, 0);
    }

    function test_commit_afterTheDeadline_revertsForThatRound_butOpensTheNext() public {
        uint256 planId = _running();
        _commit(members[0], planId, 0);
        vm.warp(block.timestamp + 100);
        vm.prank(members[1]);
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.CommitAfterDeadline.selector, planId, uint32(0), uint40(block.timestamp)));
        ledger.commit(planId, 0, _blob(members[1], 0), 1, 0, 0, 0, 0);
        _commit(members[1], planId, 1);
        assertEq(_state(planId).currentRound, 1);
        assertEq(admin().roundCommitters(planId, 0), 1);
    }

    function test_setupRounds_areNotCharged_trainingRoundsAreChargedThePlansEpsilon() public {
        uint256 planId = _running();
        _fullRound(planId, 0, members, new int64[](0));
        assertEq(admin().epsilonSpent(planId, members[0]), 0);
        _fullRound(planId, 1, members, new int64[](0));
        _fullRound(planId, 2, members, new int64[](0));
        assertEq(admin().epsilonSpent(planId, members[0]), 2 * EPSILON_PER_ROUND);
        assertEq(admin().lifetimeSpent(members[0], SCHEMA), 2 * EPSILON_PER_ROUND);
    }

    function test_commit_pastThePlanBudget_reverts() public {
        PlanParams memory p = _params(members);
        p.epsilonBudget = 2 * EPSILON_PER_ROUND;
        uint256 planId = _startAll(p);
        for (uint32 r = 0; r < 3; r++) _fullRound(planId, r, members, new int64[](0));
        vm.prank(members[0]);
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.PrivacyBudgetExceeded.selector, planId, members[0], 3 * EPSILON_PER_ROUND, 2 * EPSILON_PER_ROUND));
        ledger.commit(planId, 3, _blob(members[0], 3), 1, 0, 0, 0, 0);
    }

    function test_commit_pastTheLifetimeBudget_revertsAcrossPlans() public {
        // LIFETIME covers 20 charged rounds; five plans of 5 training rounds would need 25
        uint256 planId;
        for (uint256 k = 0; k < 4; k++) {
            planId = _startAll(_params(members));
            for (uint32 r = 0; r < 6; r++) _fullRound(planId, r, members, new int64[](0));
        }
        assertEq(admin().lifetimeSpent(members[0], SCHEMA), LIFETIME);
        planId = _startAll(_params(members));
        (bool fits, uint64 remaining, uint64 cost) = admin().fitsLifetimeBudget(planId, members[0]);
        assertFalse(fits);
        assertEq(remaining, 0);
        assertEq(cost, 5 * EPSILON_PER_ROUND);
        _fullRound(planId, 0, members, new int64[](0));
        vm.prank(members[0]);
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.LifetimeBudgetExceeded.selector, members[0], SCHEMA, uint256(LIFETIME) + EPSILON_PER_ROUND, LIFETIME));
        ledger.commit(planId, 1, _blob(members[0], 1), 1, 0, 0, 0, 0);
    }

    function test_lifetimeBudget_raisedByGovernance_isTakenUpByTheNextCommit() public {
        test_commit_pastTheLifetimeBudget_revertsAcrossPlans();
        uint256 planId = ledger.planCount();
        assertTrue(_pass(address(ledger), abi.encodeCall(admin().setLifetimeBudget, (SCHEMA, LIFETIME + EPSILON_PER_ROUND)), "raise"));
        _commit(members[0], planId, 1);
        assertEq(admin().lifetimeSpent(members[0], SCHEMA), LIFETIME + EPSILON_PER_ROUND);
        assertEq(admin().lifetimeBudget(keccak256("another dataset")), LIFETIME);
    }

    function test_aRemovedParticipant_cannotCommit_andTheRoundClosesWithoutIt() public {
        uint256 planId = _running();
        _commit(members[0], planId, 0);
        assertTrue(_remove(members[3]));
        assertEq(_state(planId).participants, 3); // the view counts the logged removal
        vm.prank(members[3]);
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.NotParticipant.selector, planId, members[3]));
        ledger.commit(planId, 0, _blob(members[3], 0), 1, 0, 0, 0, 0);
        _commit(members[1], planId, 0);
        assertEq(_participant(planId, members[3]).status, 3); // applied by that commit
        _commit(members[2], planId, 0);
        assertEq(_state(planId).currentRound, 1); // the three left all committed: closed early
    }

    function test_removal_afterTheOthersCommitted_closesTheRoundOnTheNextTransaction() public {
        uint256 planId = _running();
        for (uint256 i = 0; i < 3; i++) _commit(members[i], planId, 0);
        assertTrue(_remove(members[3]));
        vm.prank(members[0]);
        ledger.advance(planId);
        assertEq(_state(planId).currentRound, 1);
        assertEq(admin().roundCommitters(planId, 0), 3);
    }

    function test_pin_byAParticipant_forAClosedRound_emits() public {
        uint256 planId = _running();
        _fullRound(planId, 0, members, new int64[](0));
        vm.expectEmit(address(ledger));
        emit LedgerBase.Pinned(planId, 0, members[1], keccak256("report"));
        vm.prank(members[1]);
        ledger.pin(planId, 0, keccak256("report"));
        vm.prank(members[1]);
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.WrongRound.selector, planId, uint32(1), uint32(1)));
        ledger.pin(planId, 1, keccak256("report"));
    }

    function _startAll(PlanParams memory p) private returns (uint256 planId) {
        planId = _start(p);
        for (uint256 i = 0; i < members.length; i++) {
            vm.prank(members[i]);
            ledger.optIn(planId);
        }
    }
}
