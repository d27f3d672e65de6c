package io.ttdesk.security;

public enum Role { BROKER, MANAGER, AUDITOR, ADMIN }
