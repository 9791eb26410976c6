// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {ConsortiumFixture} from "../utils/ConsortiumFixture.sol";
import {LedgerBase} from "../../src/ledger/LedgerBase.sol";
import {PlanParams, PlanState} from "../../src/ledger/LedgerTypes.sol";

contract PlanLifecycleTest is ConsortiumFixture {
    uint8 constant ENROLLING = 1;
    uint8 constant RUNNING = 2;
    uint8 constant COMPLETED = 3;
    uint8 constant CANCELLED = 4;

    function test_startPlan_byAnyoneButGovernance_reverts() public {
        vm.prank(members[0]);
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.NotGovernance.selector, members[0]));
        admin().startPlan(_params(members));
    }

    function test_startPlan_refusesBadParameters() public {
        PlanParams memory p = _params(members);
        p.minParticipants = 1;
        _expectInvalid(p, "minParticipants");
        p = _params(members);
        p.maxSamples[2] = 0;
        _expectInvalid(p, "maxSamples");
        p = _params(members);
        p.schemaHash = bytes32(0);
        _expectInvalid(p, "schemaHash");
        p = _params(members);
        p.availabilityWindow = p.commitWindow;
        _expectInvalid(p, "availabilityWindow");
        p = _params(members);
        p.rewardPool = MAX_POOL + 1;
        _expectInvalid(p, "rewardPool");
        p = _params(members);
        p.setupRounds = uint8(p.rounds);
        _expectInvalid(p, "setupRounds");
    }

    function test_optIn_ofEveryInvitee_opensRoundZero() public {
        uint256 planId = _running();
        PlanState memory s = _state(planId);
        assertEq(s.status, RUNNING);
        assertEq(s.participants, 4);
        assertEq(_participant(planId, members[3]).index, 3);
    }

    function test_advance_afterEnrolmentBelowTheMinimum_cancels() public {
        uint256 planId = _start(_params(members));
        vm.prank(members[0]);
        ledger.optIn(planId);
        vm.warp(block.timestamp + 100);
        vm.prank(members[0]);
        ledger.advance(planId);
        assertEq(_state(planId).status, CANCELLED);
    }

    function test_advance_afterEnrolmentAtTheMinimum_opensWithWhoeverOptedIn() public {
        uint256 planId = _start(_params(members));
        vm.prank(members[0]);
        ledger.optIn(planId);
        vm.prank(members[1]);
        ledger.optIn(planId);
        vm.warp(block.timestamp + 100);
        vm.prank(members[2]); // an invitee that did not opt in may still move enrolment on
        ledger.advance(planId);
        assertEq(_state(planId).status, RUNNING);
        assertEq(_state(planId).participants, 2);
    }

    function test_advance_byAnOutsider_reverts() public {
        uint256 planId = _start(_params(members));
        vm.warp(block.timestamp + 100);
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.NotParticipant.selector, planId, outsider));
        ledger.advance(planId);
    }

    function test_removingAnOptedInInvitee_duringEnrolment_doesNotStallTheStart() public {
        uint256 planId = _start(_params(members));
        vm.prank(members[0]);
        ledger.optIn(planId);
        assertTrue(_remove(members[0]));
        vm.prank(members[1]);
        ledger.optIn(planId);
        vm.prank(members[2]);
        ledger.optIn(planId);
        assertEq(_state(planId).status, ENROLLING);
        vm.prank(members[3]);
        ledger.optIn(planId);
        PlanState memory s = _state(planId);
        assertEq(s.status, RUNNING);
        assertEq(s.participants, 3);
    }

    function test_cancelPlan_byGovernance_cancelsARunningPlan() public {
        uint256 planId = _running();
        assertTrue(_pass(address(ledger), abi.encodeCall(admin().cancelPlan, (planId)), "cancel"));
        assertEq(_state(planId).status, CANCELLED);
        vm.prank(members[0]);
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.PlanNotRunning.selector, planId, CANCELLED));
        ledger.commit(planId, 0, _blob(members[0], 0), 1, 0, 0, 0, 0);
    }

    function test_roundsRunToCompletion_earlyClosingEachRound() public {
        uint256 planId = _running();
        for (uint32 r = 0; r < 6; r++) _fullRound(planId, r, members, new int64[](0));
        PlanState memory s = _state(planId);
        assertEq(s.status, COMPLETED);
        assertEq(s.currentRound, 6);
    }

    function _expectInvalid(PlanParams memory p, string memory name) private {
        vm.prank(address(timelock));
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.InvalidPlanParameter.selector, name));
        admin().startPlan(p);
    }
}
