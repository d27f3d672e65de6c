package io.ttdesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A page session holds the person as they were at sign-in. This reads them again on every request,
 * so an administrator's change takes effect at once: a disabled user, a removed one or one whose
 * password was reset is signed out; changed roles or centres replace those in the session.
 */
final class FreshUser extends OncePerRequestFilter {

  private final UserDetailsService users;
  private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

  FreshUser(UserDetailsService users) {
    this.users = users;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof DeskUser before) {
      DeskUser now;
      try {
        now = load(before.username());
      } catch (DataAccessException | TransactionException e) {
        // The users cannot be read (the database is away): not the person's fault, and nothing was done.
        response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        return;
      }
      if (now == null || !now.isEnabled() || !now.passwordHash().equals(before.passwordHash())) {
        HttpSession session = request.getSession(false);
        if (session != null) {
          session.invalidate();
        }
        SecurityContextHolder.clearContext();
      } else if (!now.equals(before)) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(now, null, now.getAuthorities()));
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
      }
    }
    chain.doFilter(request, response);
  }

  private DeskUser load(String username) {
    try {
      return (DeskUser) users.loadUserByUsername(username);
    } catch (UsernameNotFoundException e) {
      return null;
    }
  }
}
