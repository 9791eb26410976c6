// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {ConsortiumFixture} from "../utils/ConsortiumFixture.sol";
import {MembershipRegistry} from "../../src/membership/MembershipRegistry.sol";
import {IMemberRemovalListener} from "../../src/membership/IMemberRemovalListener.sol";
import {RewardToken} from "../../src/rewards/RewardToken.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @notice Every external function of MembershipRegistry and RewardToken with fuzzed callers and inputs.
contract RegistryAndTokenFuzzTest is ConsortiumFixture {
    function testFuzz_admitAndRemove_byAnyoneButGovernance_revert(address caller, address account) public {
        vm.assume(caller != address(timelock));
        vm.startPrank(caller);
        vm.expectRevert(abi.encodeWithSelector(MembershipRegistry.NotGovernance.selector, caller));
        registry.admit(account, MembershipRegistry.Role.Member, "x", "y");
        vm.expectRevert(abi.encodeWithSelector(MembershipRegistry.NotGovernance.selector, caller));
        registry.remove(members[0]);
        vm.stopPrank();
    }

    function testFuzz_admit_byGovernance_acceptsBoundedNamesAndEndpoints(address account, uint8 nameLength, uint16 endpointLength, bool auditor) public {
        vm.assume(account != address(0) && !registry.isMember(account) && registry.roleOf(account) == MembershipRegistry.Role.None);
        nameLength = uint8(bound(nameLength, 0, 80));
        endpointLength = uint16(bound(endpointLength, 0, 300));
        MembershipRegistry.Role role = auditor ? MembershipRegistry.Role.Auditor : MembershipRegistry.Role.Member;
        vm.prank(address(timelock));
        try registry.admit(account, role, string(new bytes(nameLength)), string(new bytes(endpointLength))) {
            assertTrue(nameLength > 0 && nameLength <= 64 && endpointLength <= 260);
            assertEq(registry.isMember(account), !auditor);
            assertEq(registry.getVotes(account), auditor ? 0 : 1);
        } catch {
            assertFalse(nameLength > 0 && nameLength <= 64 && endpointLength <= 260);
        }
    }

    function testFuzz_remove_byGovernance_endsTheVoteAndLogsTheRemoval(uint8 who) public {
        address m = members[who % 4];
        vm.prank(address(timelock));
        registry.remove(m);
        assertFalse(registry.isMember(m));
        assertEq(registry.getVotes(m), 0);
        assertEq(admin().removalCount(), 1);
    }

    function testFuzz_updateEndpoint_onlyRegistered_onlyBounded(address caller, uint16 length) public {
        length = uint16(bound(length, 0, 400));
        bool registered = registry.roleOf(caller) != MembershipRegistry.Role.None;
        vm.prank(caller);
        try registry.updateEndpoint(string(new bytes(length))) {
            assertTrue(registered && length <= 260);
        } catch {
            assertFalse(registered && length <= 260);
        }
    }

    function testFuzz_bootstrap_again_reverts(address caller) public {
        address[] memory none = new address[](0);
        vm.prank(caller);
        vm.expectRevert();
        registry.bootstrap(caller, IMemberRemovalListener(caller), none, new MembershipRegistry.Role[](0), new string[](0), new string[](0));
    }

    function testFuzz_membershipTokens_neverMoveNorDelegate(uint8 who, address to) public {
        address m = members[who % 4];
        uint256 tokenId = uint256(uint160(m));
        vm.startPrank(m);
        vm.expectRevert();
        registry.transferFrom(m, to, tokenId);
        vm.expectRevert();
        registry.safeTransferFrom(m, to, tokenId);
        vm.expectRevert(MembershipRegistry.VoteDelegationDisabled.selector);
        registry.delegate(to);
        vm.expectRevert(MembershipRegistry.VoteDelegationDisabled.selector);
        registry.delegateBySig(to, 0, 0, 0, 0, 0);
        vm.stopPrank();
        assertEq(registry.ownerOf(tokenId), m);
    }

    function testFuzz_mintBatch_onlyByTheLedger(address caller, address to, uint128 amount) public {
        vm.assume(caller != address(ledger) && to != address(0));
        address[] memory list = new address[](1);
        uint256[] memory amounts = new uint256[](1);
        (list[0], amounts[0]) = (to, amount);
        vm.prank(caller);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, caller));
        token.mintBatch(list, amounts);
        vm.prank(address(ledger));
        token.mintBatch(list, amounts);
        assertEq(token.balanceOf(to), amount);
    }

    function testFuzz_rewardTokens_transferAsAnyERC20(address to, uint128 amount, uint128 sent) public {
        vm.assume(to != address(0) && to != members[0]);
        address[] memory list = new address[](1);
        uint256[] memory amounts = new uint256[](1);
        (list[0], amounts[0]) = (members[0], amount);
        vm.prank(address(ledger));
        token.mintBatch(list, amounts);
        vm.prank(members[0]);
        try token.transfer(to, sent) {
            assertLe(sent, amount);
            assertEq(token.balanceOf(to), sent);
        } catch {
            assertGt(sent, amount);
        }
        assertEq(token.totalSupply(), amount);
    }

    function testFuzz_tokenOwnership_cannotBeTakenFromTheLedger(address caller) public {
        vm.assume(caller != address(ledger));
        vm.startPrank(caller);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, caller));
        token.transferOwnership(caller);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, caller));
        token.renounceOwnership();
        vm.stopPrank();
        assertEq(token.owner(), address(ledger));
    }
}
