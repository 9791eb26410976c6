// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {ConsortiumFixture} from "../utils/ConsortiumFixture.sol";
import {ConsortiumGovernor} from "../../src/governance/ConsortiumGovernor.sol";
import {ConsortiumTimelock} from "../../src/governance/ConsortiumTimelock.sol";
import {MembershipRegistry} from "../../src/membership/MembershipRegistry.sol";

/// @notice Every external function of ConsortiumGovernor and ConsortiumTimelock with fuzzed callers and inputs.
contract GovernanceFuzzTest is ConsortiumFixture {
    function _isMember(address a) internal view returns (bool) {
        return registry.isMember(a);
    }

    function testFuzz_propose_onlyByMembers(address caller, string memory description) public {
        (address[] memory t, uint256[] memory v, bytes[] memory c) = _single(address(registry), abi.encodeCall(MembershipRegistry.remove, (members[3])));
        vm.prank(caller);
        try governor.propose(t, v, c, description) returns (uint256 id) {
            assertTrue(_isMember(caller));
            assertEq(uint8(governor.state(id)), uint8(IGovernor.ProposalState.Pending));
        } catch {}
    }

    function testFuzz_castVote_onlyMembers_onlyKnownSupport(address caller, uint8 support) public {
        uint256 id = _propose(address(registry), abi.encodeCall(MembershipRegistry.remove, (members[3])), "remove 3");
        vm.warp(governor.proposalSnapshot(id) + 1);
        vm.prank(caller);
        try governor.castVote(id, support) {
            assertTrue(_isMember(caller) && support <= 2);
            assertTrue(governor.hasVoted(id, caller));
        } catch {
            assertFalse(governor.hasVoted(id, caller));
        }
    }

    function testFuzz_castVoteWithReason_andBySig_respectMembership(uint8 who, string memory reason) public {
        uint256 id = _propose(address(registry), abi.encodeCall(MembershipRegistry.remove, (members[3])), "remove 3");
        vm.warp(governor.proposalSnapshot(id) + 1);
        vm.prank(members[who % 4]);
        governor.castVoteWithReason(id, 1, reason);
        (, uint256 forVotes,) = governor.proposalVotes(id);
        assertEq(forVotes, 1);
        vm.expectRevert();
        governor.castVoteBySig(id, 1, outsider, "");
    }

    function testFuzz_queueAndExecute_onlyAfterAPassedVote_andBeforeExpiry(uint8 forVotes, uint32 wait, address caller) public {
        forVotes = forVotes % 5;
        bytes memory call = abi.encodeCall(MembershipRegistry.remove, (members[3]));
        uint256 id = _propose(address(registry), call, "remove 3");
        vm.warp(governor.proposalSnapshot(id) + 1);
        for (uint256 i = 0; i < forVotes; i++) {
            vm.prank(members[i]);
            governor.castVote(id, 1);
        }
        vm.warp(governor.proposalDeadline(id) + 1 + (wait % (2 * GRACE)));
        vm.startPrank(caller);
        bool executed = _queueAndExecute(address(registry), call, "remove 3");
        vm.stopPrank();
        assertEq(executed, forVotes >= 3 && 1 + (wait % (2 * GRACE)) <= GRACE);
        assertEq(registry.isMember(members[3]), !executed);
    }

    function testFuzz_cancel_onlyTheProposerWhilePending(address caller) public {
        (address[] memory t, uint256[] memory v, bytes[] memory c) = _single(address(registry), abi.encodeCall(MembershipRegistry.remove, (members[3])));
        uint256 id = _propose(address(registry), c[0], "remove 3");
        vm.prank(caller);
        try governor.cancel(t, v, c, keccak256("remove 3")) {
            assertEq(caller, members[0]);
            assertEq(uint8(governor.state(id)), uint8(IGovernor.ProposalState.Canceled));
        } catch {
            assertTrue(caller != members[0]);
        }
    }

    function testFuzz_settings_throughGovernance_neverBelowTheirFloors(uint48 delay, uint32 period, uint256 quorum, uint48 extension, uint256 timelockDelay) public {
        delay = uint48(bound(delay, 0, 100));
        period = uint32(bound(period, 0, 100));
        quorum = bound(quorum, 0, 120);
        extension = uint48(bound(extension, 0, 20));
        timelockDelay = bound(timelockDelay, 0, 100);
        _pass(address(governor), abi.encodeCall(governor.setVotingDelay, (delay)), "delay");
        _pass(address(governor), abi.encodeCall(governor.setVotingPeriod, (period)), "period");
        _pass(address(governor), abi.encodeCall(governor.updateQuorumNumerator, (quorum)), "quorum");
        _pass(address(governor), abi.encodeCall(governor.setLateQuorumVoteExtension, (extension)), "extension");
        _pass(address(timelock), abi.encodeCall(timelock.updateDelay, (timelockDelay)), "timelock delay");
        assertGe(governor.votingDelay(), governor.votingDelayFloor());
        assertGe(governor.votingPeriod(), governor.votingPeriodFloor());
        assertGe(governor.quorumNumerator(), governor.quorumPercentFloor());
        assertLe(governor.quorumNumerator(), 100);
        assertGe(governor.lateQuorumVoteExtension(), governor.voteExtensionFloor());
        assertGe(timelock.getMinDelay(), timelock.delayFloor());
    }

    function testFuzz_governorSetters_andRelay_byAnyoneButTheTimelock_revert(address caller, uint8 which) public {
        vm.assume(caller != address(timelock));
        bytes memory call = [
            abi.encodeCall(governor.setVotingDelay, (5)),
            abi.encodeCall(governor.setVotingPeriod, (50)),
            abi.encodeCall(governor.setProposalThreshold, (2)),
            abi.encodeCall(governor.updateQuorumNumerator, (60)),
            abi.encodeCall(governor.setLateQuorumVoteExtension, (5)),
            abi.encodeCall(governor.relay, (caller, 0, ""))
        ][which % 6];
        vm.prank(caller);
        (bool ok,) = address(governor).call(call);
        assertFalse(ok);
    }

    function testFuzz_updateTimelock_alwaysReverts(address caller, address newTimelock) public {
        vm.prank(caller);
        vm.expectRevert(ConsortiumGovernor.TimelockFixed.selector);
        governor.updateTimelock(TimelockController(payable(newTimelock)));
    }

    function testFuzz_timelock_scheduleCancelExecute_onlyByTheirRoles(address caller, bytes32 salt) public {
        vm.assume(caller != address(governor) && caller != guardian);
        bytes memory call = abi.encodeCall(MembershipRegistry.remove, (members[3]));
        vm.startPrank(caller);
        vm.expectRevert();
        timelock.schedule(address(registry), 0, call, 0, salt, TIMELOCK_DELAY);
        vm.stopPrank();
        vm.prank(address(governor));
        timelock.schedule(address(registry), 0, call, 0, salt, TIMELOCK_DELAY);
        bytes32 op = timelock.hashOperation(address(registry), 0, call, 0, salt);
        vm.warp(block.timestamp + TIMELOCK_DELAY);
        vm.startPrank(caller);
        vm.expectRevert();
        timelock.execute(address(registry), 0, call, 0, salt);
        vm.expectRevert();
        timelock.cancel(op);
        vm.expectRevert();
        timelock.updateDelay(0);
        vm.stopPrank();
        vm.prank(guardian);
        timelock.cancel(op);
        assertFalse(timelock.isOperation(op));
    }

    function testFuzz_timelock_executesReadyOperations_untilTheyExpire(uint32 wait) public {
        bytes memory call = abi.encodeCall(MembershipRegistry.remove, (members[3]));
        vm.prank(address(governor));
        timelock.schedule(address(registry), 0, call, 0, 0, TIMELOCK_DELAY);
        bytes32 op = timelock.hashOperation(address(registry), 0, call, 0, 0);
        uint256 ready = block.timestamp + TIMELOCK_DELAY;
        vm.warp(ready + (wait % (2 * GRACE)));
        vm.prank(address(governor));
        try timelock.execute(address(registry), 0, call, 0, 0) {
            assertLe(wait % (2 * GRACE), GRACE);
            assertFalse(registry.isMember(members[3]));
        } catch {
            assertGt(wait % (2 * GRACE), GRACE);
            assertTrue(timelock.isOperationExpired(op));
            assertEq(timelock.expiresAt(op), ready + GRACE);
        }
    }

    function testFuzz_timelockRoles_grantedOnlyThroughTheTimelock(address caller, address account) public {
        vm.assume(caller != address(timelock));
        bytes32 role = timelock.PROPOSER_ROLE();
        vm.prank(caller);
        vm.expectRevert();
        timelock.grantRole(role, account);
        assertEq(timelock.hasRole(role, account), account == address(governor));
    }
}
