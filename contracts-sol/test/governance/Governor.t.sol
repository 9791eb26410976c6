// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {ConsortiumFixture} from "../utils/ConsortiumFixture.sol";
import {ConsortiumGovernor, GovernorTerms} from "../../src/governance/ConsortiumGovernor.sol";
import {ConsortiumTimelock} from "../../src/governance/ConsortiumTimelock.sol";
import {MembershipRegistry} from "../../src/membership/MembershipRegistry.sol";

contract GovernorTest is ConsortiumFixture {
    function _admitCall() internal view returns (bytes memory) {
        return abi.encodeCall(MembershipRegistry.admit, (outsider, MembershipRegistry.Role.Member, "New", "127.0.0.1:1"));
    }

    function test_aPassedProposal_goesThroughTheTimelock() public {
        uint256 id = _voted(address(registry), _admitCall(), "admit", _firstThree());
        assertEq(uint8(governor.state(id)), uint8(IGovernor.ProposalState.Succeeded));
        assertTrue(governor.proposalNeedsQueuing(id));
        (address[] memory t, uint256[] memory v, bytes[] memory c) = _single(address(registry), _admitCall());
        governor.queue(t, v, c, keccak256("admit"));
        assertEq(governor.proposalEta(id), block.timestamp + TIMELOCK_DELAY);
        vm.expectRevert(); // the timelock delay has not passed
        governor.execute(t, v, c, keccak256("admit"));
        vm.warp(block.timestamp + TIMELOCK_DELAY);
        governor.execute(t, v, c, keccak256("admit"));
        assertTrue(registry.isMember(outsider));
    }

    function test_aPassedProposal_notQueuedWithinTheGracePeriod_expires() public {
        uint256 id = _voted(address(registry), _admitCall(), "admit", _firstThree());
        vm.warp(governor.proposalDeadline(id) + GRACE + 1);
        assertEq(uint8(governor.state(id)), uint8(IGovernor.ProposalState.Expired));
        assertFalse(_queueAndExecute(address(registry), _admitCall(), "admit"));
    }

    function test_aQueuedProposal_notExecutedWithinTheGracePeriod_expires_evenAtTheTimelock() public {
        uint256 id = _voted(address(registry), _admitCall(), "admit", _firstThree());
        (address[] memory t, uint256[] memory v, bytes[] memory c) = _single(address(registry), _admitCall());
        governor.queue(t, v, c, keccak256("admit"));
        assertEq(governor.proposalExpiry(id), governor.proposalEta(id) + GRACE);
        vm.warp(governor.proposalEta(id) + GRACE + 1);
        assertEq(uint8(governor.state(id)), uint8(IGovernor.ProposalState.Expired));
        vm.expectRevert();
        governor.execute(t, v, c, keccak256("admit"));
        bytes32 salt = bytes20(address(governor)) ^ keccak256("admit");
        bytes32 op = timelock.hashOperationBatch(t, v, c, 0, salt);
        assertTrue(timelock.isOperationExpired(op));
    }

    function test_abstain_doesNotCountTowardsQuorum() public {
        uint256 id = _propose(address(registry), _admitCall(), "admit");
        vm.warp(governor.proposalSnapshot(id) + 1);
        vm.prank(members[0]);
        governor.castVote(id, 1);
        vm.prank(members[1]);
        governor.castVote(id, 1);
        vm.prank(members[2]);
        governor.castVote(id, 2);
        vm.prank(members[3]);
        governor.castVote(id, 2);
        vm.warp(governor.proposalDeadline(id) + 1);
        assertEq(uint8(governor.state(id)), uint8(IGovernor.ProposalState.Defeated)); // 2 For < quorum 3 of 4
    }

    function test_aRemovedMembersVote_stopsCounting_andItCannotVoteAgain() public {
        uint256 id = _propose(address(registry), _admitCall(), "admit");
        vm.warp(governor.proposalSnapshot(id) + 1);
        vm.prank(members[0]);
        governor.castVote(id, 1);
        (, uint256 forVotes,) = governor.proposalVotes(id);
        assertEq(forVotes, 1);
        vm.prank(address(timelock));
        registry.remove(members[0]);
        (, forVotes,) = governor.proposalVotes(id);
        assertEq(forVotes, 0);
        uint256 other = _propose(address(registry), abi.encodeCall(MembershipRegistry.remove, (members[3])), "remove 3");
        vm.warp(governor.proposalSnapshot(other) + 1);
        vm.prank(members[0]);
        vm.expectRevert(abi.encodeWithSelector(ConsortiumGovernor.GovernorNotAMember.selector, members[0]));
        governor.castVote(other, 1);
    }

    function test_anOutsidersVote_reverts() public {
        uint256 id = _propose(address(registry), _admitCall(), "admit");
        vm.warp(governor.proposalSnapshot(id) + 1);
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(ConsortiumGovernor.GovernorNotAMember.selector, outsider));
        governor.castVote(id, 1);
    }

    function test_settings_belowTheirFloors_revert_atOrAbove_apply() public {
        assertFalse(_pass(address(governor), abi.encodeCall(governor.updateQuorumNumerator, (50)), "q50"));
        assertFalse(_pass(address(governor), abi.encodeCall(governor.setVotingPeriod, (9)), "p9"));
        assertFalse(_pass(address(governor), abi.encodeCall(governor.setVotingDelay, (0)), "d0"));
        assertFalse(_pass(address(governor), abi.encodeCall(governor.setProposalThreshold, (0)), "t0"));
        assertFalse(_pass(address(governor), abi.encodeCall(governor.setLateQuorumVoteExtension, (0)), "e0"));
        assertFalse(_pass(address(timelock), abi.encodeCall(timelock.updateDelay, (0)), "delay0"));
        assertFalse(_pass(address(governor), abi.encodeCall(governor.updateTimelock, (TimelockController(payable(address(0))))), "tl"));
        assertEq(governor.quorumNumerator(), 51);
        assertTrue(_pass(address(governor), abi.encodeCall(governor.updateQuorumNumerator, (75)), "q75"));
        assertTrue(_pass(address(governor), abi.encodeCall(governor.setVotingPeriod, (20)), "p20"));
        assertTrue(_pass(address(timelock), abi.encodeCall(timelock.updateDelay, (5)), "delay5"));
        assertEq(governor.quorumNumerator(), 75);
        assertEq(governor.votingPeriod(), 20);
        assertEq(timelock.getMinDelay(), 5);
    }

    function test_constructor_refusesTermsBelowTheFloors_andFloorsBelowTheConstants() public {
        GovernorTerms memory ok = GovernorTerms(1, 10, 51, 1);
        vm.expectRevert(abi.encodeWithSelector(ConsortiumGovernor.BelowFloor.selector, "quorumPercentFloor", 50, 51));
        new ConsortiumGovernor(IVotes(address(registry)), timelock, ok, GovernorTerms(1, 10, 50, 1));
        vm.expectRevert(abi.encodeWithSelector(ConsortiumGovernor.BelowFloor.selector, "votingPeriod", 10, 20));
        new ConsortiumGovernor(IVotes(address(registry)), timelock, ok, GovernorTerms(1, 20, 51, 1));
        address[] memory none = new address[](0);
        vm.expectRevert(abi.encodeWithSelector(ConsortiumTimelock.DelayBelowFloor.selector, 1, 60));
        new ConsortiumTimelock(1, 60, GRACE, none, none, none, address(0));
        vm.expectRevert(abi.encodeWithSelector(ConsortiumTimelock.GracePeriodTooShort.selector, 9, 10));
        new ConsortiumTimelock(1, 1, 9, none, none, none, address(0));
    }

    function test_theGuardian_cancelsAQueuedProposal() public {
        uint256 id = _voted(address(registry), _admitCall(), "admit", _firstThree());
        (address[] memory t, uint256[] memory v, bytes[] memory c) = _single(address(registry), _admitCall());
        governor.queue(t, v, c, keccak256("admit"));
        bytes32 op = timelock.hashOperationBatch(t, v, c, 0, bytes20(address(governor)) ^ keccak256("admit"));
        vm.prank(guardian);
        timelock.cancel(op);
        assertEq(uint8(governor.state(id)), uint8(IGovernor.ProposalState.Canceled));
        vm.prank(outsider);
        vm.expectRevert();
        timelock.cancel(op);
    }

    function test_aLateQuorum_extendsTheVote() public {
        uint256 id = _propose(address(registry), _admitCall(), "admit");
        uint256 deadline = governor.proposalDeadline(id);
        vm.warp(deadline);
        for (uint256 i = 0; i < 3; i++) {
            vm.prank(members[i]);
            governor.castVote(id, 1);
        }
        assertEq(governor.proposalDeadline(id), deadline + 1);
    }

    function test_theDeployer_keepsNoTimelockRole() public view {
        assertFalse(timelock.hasRole(timelock.DEFAULT_ADMIN_ROLE(), address(this)));
        assertTrue(timelock.hasRole(timelock.DEFAULT_ADMIN_ROLE(), address(timelock)));
        assertTrue(timelock.hasRole(timelock.EXECUTOR_ROLE(), address(governor)));
        assertFalse(timelock.hasRole(timelock.EXECUTOR_ROLE(), address(0)));
        assertEq(registry.governance(), address(timelock));
        assertEq(ledger.governance(), address(timelock));
    }
}
