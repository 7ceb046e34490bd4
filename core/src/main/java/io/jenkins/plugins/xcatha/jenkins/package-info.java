/**
 * What the Jenkins plugin decides, kept free of Jenkins types so that it is tested with the engine:
 * how a report maps to a build result, what a step returns to a Jenkinsfile, how progress reads in a
 * build log, how form fields are checked, and how a run on an agent survives an abort.
 */
package io.jenkins.plugins.xcatha.jenkins;
