// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @notice Told by the registry when governance removes a member, so plans drop it from their participants.
interface IMemberRemovalListener {
    function onMemberRemoved(address account) external;
}
