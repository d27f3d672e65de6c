package io.ttdesk.licensing;

public enum DealForm { ASSIGNMENT, EXCLUSIVE_LICENCE, NON_EXCLUSIVE_LICENCE, EQUITY, OPTION, JOINT_RD }
