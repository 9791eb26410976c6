// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {ConsortiumFixture} from "../utils/ConsortiumFixture.sol";
import {MembershipRegistry} from "../../src/membership/MembershipRegistry.sol";

contract RegistryTest is ConsortiumFixture {
    function test_updateEndpoint_pastTheLimit_reverts() public {
        string memory long = string(new bytes(261));
        vm.prank(members[0]);
        vm.expectRevert(abi.encodeWithSelector(MembershipRegistry.EndpointTooLong.selector, members[0], 261));
        registry.updateEndpoint(long);
        vm.prank(members[0]);
        registry.updateEndpoint(string(new bytes(260)));
    }

    function test_admit_aNameOrEndpointPastTheLimit_reverts() public {
        vm.startPrank(address(timelock));
        vm.expectRevert(abi.encodeWithSelector(MembershipRegistry.NameTooLong.selector, outsider, 65));
        registry.admit(outsider, MembershipRegistry.Role.Member, string(new bytes(65)), "");
        vm.expectRevert(abi.encodeWithSelector(MembershipRegistry.EndpointTooLong.selector, outsider, 261));
        registry.admit(outsider, MembershipRegistry.Role.Member, "ok", string(new bytes(261)));
        vm.stopPrank();
    }

    function test_remove_costsTheSame_whateverPlansTheMemberIsIn() public {
        uint256 one = _removalGas(1);
        uint256 many = _removalGas(30);
        assertEq(one, many);
    }

    function _removalGas(uint256 plans) private returns (uint256 gasUsed) {
        setUp();
        for (uint256 k = 0; k < plans; k++) _running();
        vm.prank(address(timelock));
        uint256 before = gasleft();
        registry.remove(members[3]);
        gasUsed = before - gasleft();
    }
}
